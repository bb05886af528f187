using EcrPublish.Publishing.Stages;
using EcrPublish.Scanning;

namespace EcrPublish.Publishing;

/// <summary>
/// The one entry point that turns a validated <see cref="EcrPublishRequest"/> into a pushed (and scanned) image, by
/// running the stages a <see cref="IPublishStageFactory"/> makes: build, load, provision, push, attach, signing wait, scan + gate, report.
/// The rules it keeps, whatever the stages:
/// <list type="number">
/// <item>Everything that can be rejected locally (the image options) is rejected before any stage runs.</item>
/// <item>Nothing in ECR changes before the image is built: a build failure means provisioning never runs. What changes
/// nothing may overlap the build (<see cref="IProvisionStage.StartReading"/>: DescribeRepositories, the registry token;
/// cancelled when the build fails, their errors reported only after a successful build).</item>
/// <item>Load right after the build, before anything in ECR (EcrLoadInto): the image runs locally even when the push
/// then fails, and a failed load stops the publish before ECR changes.</item>
/// <item>EcrPush=false: build and load only. No ECR stage runs (provision, push, attach, scan), so the ECR client is
/// never made and no AWS credentials are needed; the report writes a result with no pushed image.</item>
/// <item>The attach stage prepares after the build and load and before provisioning (a KMS signing key is opened and
/// checked there): a key that cannot sign stops the publish before anything in ECR changes.</item>
/// <item>Provision before push: the push goes to the repository the provisioning returned (its URI's host, or the
/// registry endpoint the user named); a repository without a URI fails with ECR2203 and nothing is pushed.</item>
/// <item>Manifests last: the push stage sends manifests after their blobs, so a push failure leaves no new tag; and
/// nothing follows a failed push — no attach, no scan, no result reported.</item>
/// <item>Attach after push and before the scan gate: referrers need their subject in the registry, and are attached
/// even when the gate then fails.</item>
/// <item>Signing wait after attach and before the scan gate, unless EcrWaitForSigning=false: ECR signs the pushed image
/// itself, so there is nothing to wait for before the push; a signing failure or timeout leaves the image pushed and
/// attached, but writes no result and never reaches the gate.</item>
/// <item>Gate after push: a gate failure leaves the image pushed and logged as pushed, but writes no result.</item>
/// <item>The scan stage runs only when scanning is on: EcrScan, or, when unset, the repository scanning on push.</item>
/// <item>A stage's error (coded or not) surfaces unchanged, except an access denial (ECR's AccessDeniedException, the
/// registry's 403), which becomes ECR3120 naming the IAM action the identity lacks (<see cref="Permissions.AccessDenial"/>).</item>
/// <item>Cancellation stops the publish before the next stage.</item>
/// <item>EcrDestination items (one build, one digest, several registries): each destination has its own stages (ECR
/// client, token, connections). Every destination's attach stage prepares (its signing key, from the main publish's region and account) and its repository is provisioned, in parallel, after the main one and before
/// anything is pushed anywhere: a provisioning failure (ECR3127) pushes nothing. The main push and the destinations' run
/// in parallel, each with its manifests last; when any fails, all run to their end and ECR3125 names the failed ones and
/// the complete ones; nothing is then attached, scanned or reported. Referrers are attached in every destination after
/// every push, one destination after the other (ECR3126 when that fails). The signing wait and the scan gate apply to the main destination only. The result lists
/// the main image first, then each destination's.</item>
/// <item>The ECR client is created only when a stage needs it (<see cref="PublishConnections"/>), at the earliest by the
/// reads that overlap the build: an image that cannot be built fails the same with or without AWS credentials.</item>
/// </list>
/// </summary>
/// <param name="stages">Makes each publish's stages.</param>
public sealed class EcrPublishPipeline(IPublishStageFactory stages)
{
    /// <summary>A pipeline of the real stages. Publishes of one build share <paramref name="sharedTokens"/>, so each registry is asked for a token once.</summary>
    public EcrPublishPipeline(TimeProvider? time = null, EcrAuthorizationTokenCache? sharedTokens = null)
        : this(new PublishStageFactory(time, sharedTokens))
    {
    }

    /// <summary>Publishes one image; the stages' errors surface unchanged, an access denial as ECR3120.</summary>
    public async Task<EcrPublishResult> PublishAsync(EcrPublishRequest request, IPublishLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            return await PublishStagesAsync(request, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Permissions.AccessDenial.Explain(exception) is { } denied)
        {
            throw denied;
        }
    }

    private async Task<EcrPublishResult> PublishStagesAsync(EcrPublishRequest request, IPublishLog log, CancellationToken cancellationToken)
    {
        var imageOptions = ImageOptionsFactory.Create(request);
        var timer = new PublishStepTimer(log);
        using var stage = stages.Create(request, log);

        cancellationToken.ThrowIfCancellationRequested();
        using var reads = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Push)
        {
            stage.Provision.StartReading(request, reads.Token);
        }

        ImageBuildOutput image;
        try
        {
            image = await timer.TimeAsync("build", () => stage.ImageBuild.BuildAsync(request, imageOptions, cancellationToken)).ConfigureAwait(false);
        }
        catch
        {
            await reads.CancelAsync().ConfigureAwait(false);
            throw;
        }

        if (request.LoadInto is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loaded = await timer.TimeAsync("load", () => stage.Load.LoadAsync(request, image, cancellationToken)).ConfigureAwait(false);
            log.Important($"EcrPublish: loaded {string.Join(", ", loaded.Names)} ({loaded.Platform}) into {loaded.Engine}");
        }

        if (!request.Push)
        {
            return Report(stage, request, new EcrPublishResult([]), cancellationToken);
        }

        using var destinations = request.Destinations.Count > 0 ? new DestinationPublishes(stages, request, log) : null;
        cancellationToken.ThrowIfCancellationRequested();
        await timer.TimeAsync("attach prepare", () => stage.Attach.PrepareAsync(cancellationToken)).ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();
        var provisioned = await timer.TimeAsync("provision", () => stage.Provision.ProvisionAsync(request, cancellationToken)).ConfigureAwait(false);
        var target = PushTargetOf(request, provisioned);
        if (destinations is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await destinations.ProvisionAsync(cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pushed = await timer.TimeAsync("push", () => destinations is null
            ? stage.Push.PushAsync(image, target, cancellationToken)
            : destinations.PushAsync(stage.Push, image, target, cancellationToken)).ConfigureAwait(false);
        log.Important($"EcrPublish: {target.ImageUri}@{pushed.Digest} tags {string.Join(", ", request.Tags)} ({pushed.Summary})");
        foreach (var (destinationTarget, destinationPushed) in destinations?.Pushes ?? [])
        {
            log.Important($"EcrPublish: {destinationTarget.ImageUri}@{destinationPushed.Digest} tags {string.Join(", ", request.Tags)} ({destinationPushed.Summary})");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var referrers = await timer.TimeAsync("attach", () => stage.Attach.AttachAsync(target, pushed, cancellationToken)).ConfigureAwait(false);
        var destinationImages = destinations is null ? [] : await destinations.AttachAsync(request, cancellationToken).ConfigureAwait(false);

        SigningResult? signing = null;
        if (request.SigningWait.Mode != SigningWaitMode.Off)
        {
            cancellationToken.ThrowIfCancellationRequested();
            signing = await timer.TimeAsync("signing wait", () => stage.SigningWait.WaitAsync(request, target, pushed, cancellationToken)).ConfigureAwait(false);
        }

        ScanResult? scan = null;
        var scanMode = request.Scan.Mode ?? (provisioned.Repository.ImageScanningConfiguration?.ScanOnPush == true ? ScanMode.Wait : ScanMode.None);
        if (scanMode != ScanMode.None)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scan = await timer.TimeAsync("scan", () => stage.ScanGate.ScanAsync(request, target, pushed, scanMode, cancellationToken)).ConfigureAwait(false);
        }
        else if (request.Scan.SarifFile is not null)
        {
            log.Warning(Validation.EcrDiagnostic.Warning(ScanErrorCodes.SarifWithoutScan,
                $"EcrScanSarifFile is set, but the image was not scanned: the repository does not scan on push and EcrScan is unset, so {request.Scan.SarifFile} was not written. Set EcrScan=Start (or turn on scan on push)."));
        }

        var result = new EcrPublishResult([EcrPublishedImage.Pushed(target, pushed, request.Tags, referrers) with
        {
            ScanStatus = scan?.Status,
            FindingCounts = scan?.SeverityCounts ?? new Dictionary<string, int>(),
            Signing = signing,
            SbomFile = referrers.Select(referrer => referrer.LocalFile).FirstOrDefault(file => file is not null),
            SarifFile = scan is null ? null : request.Scan.SarifFile,
            Built = pushed.Built,
            ArchiveFile = request.ArchiveFile,
        }, .. destinationImages]);
        return Report(stage, request, result, cancellationToken);
    }

    private static EcrPublishResult Report(IPublishStages stage, EcrPublishRequest request, EcrPublishResult result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        stage.Report.Report(request, result);
        return result;
    }

    /// <summary>Where the image goes: the provisioned repository's host, or the registry endpoint the request names.</summary>
    internal static PushTarget PushTargetOf(EcrPublishRequest request, ProvisionedRepository provisioned)
    {
        var repositoryUri = provisioned.Repository.RepositoryUri ?? throw new EcrPublishException(PublishErrorCodes.NoRepositoryUri,
            $"ECR returned no URI for repository '{request.Repository}'. Check the endpoint (EcrServiceUrl).");
        var ecrHost = EcrRegistryHost.OfRepositoryUri(repositoryUri);
        var pushHost = request.RegistryEndpoint is { } pushEndpoint ? EcrRegistryHost.OfEndpoint(pushEndpoint) : ecrHost;
        return new PushTarget(pushHost, ecrHost, request.Repository, request.Tags, provisioned.Created) { CreateOnPushTemplate = provisioned.CreateOnPushTemplate };
    }
}
