using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using EcrPublish.Scanning;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>
/// Every stage of a publish in memory: records the order of the calls and what each was given, and fails (or runs a
/// hook, such as cancelling) at the stage a test names.
/// </summary>
internal sealed class InMemoryPublishStages :
    IPublishStageFactory, IPublishStages, IImageBuildStage, ILoadStage, IProvisionStage, IPushStage, IAttachStage, ISigningWaitStage, IScanGateStage, IReportStage
{
    public const string Reading = "read";

    public const string Building = "build", Loading = "load", Preparing = "prepare", Provisioning = "provision", Pushing = "push", Attaching = "attach", WaitingForSigning = "sign", Gating = "scan", Reporting = "report";

    public static readonly PushedImage Pushed = new("sha256:top", ["sha256:amd64", "sha256:arm64"], "2 layer(s) uploaded");

    private sealed record Output : ImageBuildOutput;

    /// <summary>What the build stage returns.</summary>
    public ImageBuildOutput Built { get; } = new Output();

    /// <summary>The stages called, in order; an EcrDestination's stages add theirs here too, prefixed (<see cref="CallPrefix"/>).</summary>
    public List<string> Calls { get; init; } = [];

    /// <summary>Put before each call this one records, e.g. <c>dr:</c> for an EcrDestination's stages.</summary>
    public string CallPrefix { get; init; } = "";

    /// <summary>The stages <see cref="Create"/> returns for the request of an EcrDestination in that region; this one for any other.</summary>
    public Dictionary<string, InMemoryPublishStages> ByRegion { get; } = [];

    /// <summary>The requests <see cref="Create"/> was given, in order.</summary>
    public List<EcrPublishRequest> Requests { get; } = [];

    /// <summary>The exception the named stage throws.</summary>
    public Dictionary<string, Exception> Failures { get; } = [];

    /// <summary>Runs as the named stage completes.</summary>
    public Dictionary<string, Action> After { get; } = [];

    public string? RepositoryUri { get; init; } = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello";

    public bool Created { get; init; }

    /// <summary>Records <see cref="Reading"/> for <see cref="IProvisionStage.StartReading"/> (the ECR reads that may overlap the build); off by default, as it is no stage of its own.</summary>
    public bool RecordsReads { get; init; }

    /// <summary>The token <see cref="IProvisionStage.StartReading"/> was given.</summary>
    public CancellationToken ReadsToken { get; private set; }

    public bool ScansOnPush { get; init; }

    public int Creations { get; private set; }

    public bool Disposed { get; private set; }

    public ImageBuildOutput? PushedOutput { get; private set; }

    public ImageBuildOutput? LoadedOutput { get; private set; }

    public PushTarget? Target { get; private set; }

    public PushedImage? Attached { get; private set; }

    /// <summary>What the signing wait returns: signed by default; null is a registry that does not sign the repository.</summary>
    public SigningResult? Signed { get; init; } = new("COMPLETE", ["arn:aws:signer:eu-west-1:123456789012:/signing-profiles/ecr"], ["sha256:signature"]);

    public PushedImage? SigningWaitedFor { get; private set; }

    public ScanMode? ScannedWith { get; private set; }

    public EcrPublishResult? Reported { get; private set; }

    public IPublishStages Create(EcrPublishRequest request, IPublishLog log)
    {
        Creations++;
        Requests.Add(request);
        return request.Region is { } region && ByRegion.TryGetValue(region, out var destination) ? destination : this;
    }

    IImageBuildStage IPublishStages.ImageBuild => this;

    ILoadStage IPublishStages.Load => this;

    IProvisionStage IPublishStages.Provision => this;

    IPushStage IPublishStages.Push => this;

    IAttachStage IPublishStages.Attach => this;

    ISigningWaitStage IPublishStages.SigningWait => this;

    IScanGateStage IPublishStages.ScanGate => this;

    IReportStage IPublishStages.Report => this;

    public Task<ImageBuildOutput> BuildAsync(EcrPublishRequest request, ImageOptions imageOptions, CancellationToken cancellationToken) =>
        Task.FromResult(Run(Building, Built));

    public Task<LoadedImage> LoadAsync(EcrPublishRequest request, ImageBuildOutput image, CancellationToken cancellationToken)
    {
        LoadedOutput = image;
        return Task.FromResult(Run(Loading, new LoadedImage("Docker at unix:///test.sock", [.. request.Tags.Select(tag => $"{request.Repository}:{tag}")], "linux/amd64")));
    }

    public void StartReading(EcrPublishRequest request, CancellationToken cancellationToken)
    {
        ReadsToken = cancellationToken;
        if (RecordsReads)
        {
            Run(Reading, true);
        }
    }

    public Task<ProvisionedRepository> ProvisionAsync(EcrPublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Run(Provisioning, new ProvisionedRepository(
            new Repository { RepositoryUri = RepositoryUri, ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = ScansOnPush } }, Created)));

    public Task<PushedImage> PushAsync(ImageBuildOutput image, PushTarget target, CancellationToken cancellationToken)
    {
        (PushedOutput, Target) = (image, target);
        return Task.FromResult(Run(Pushing, Pushed));
    }

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.FromResult(Run(Preparing, true));

    public Task<IReadOnlyList<AttachedReferrer>> AttachAsync(PushTarget target, PushedImage image, CancellationToken cancellationToken)
    {
        Attached = image;
        return Task.FromResult(Run<IReadOnlyList<AttachedReferrer>>(Attaching, []));
    }

    public Task<SigningResult?> WaitAsync(EcrPublishRequest request, PushTarget target, PushedImage image, CancellationToken cancellationToken)
    {
        SigningWaitedFor = image;
        return Task.FromResult(Run(WaitingForSigning, Signed));
    }

    public Task<ScanResult> ScanAsync(EcrPublishRequest request, PushTarget target, PushedImage image, ScanMode mode, CancellationToken cancellationToken)
    {
        ScannedWith = mode;
        return Task.FromResult(Run(Gating, new ScanResult("COMPLETE", null, new Dictionary<string, int> { ["HIGH"] = 2 }, [])));
    }

    public void Report(EcrPublishRequest request, EcrPublishResult result) => Reported = Run(Reporting, result);

    public void Dispose() => Disposed = true;

    private T Run<T>(string stage, T result)
    {
        lock (Calls)
        {
            Calls.Add(CallPrefix + stage);
        }

        if (Failures.TryGetValue(stage, out var failure))
        {
            throw failure;
        }

        if (After.TryGetValue(stage, out var after))
        {
            after();
        }

        return result;
    }
}
