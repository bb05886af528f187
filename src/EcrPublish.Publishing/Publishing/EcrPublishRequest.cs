namespace EcrPublish.Publishing;

/// <summary>
/// A validated publish: everything the pipeline needs to build, push and scan one image, with no
/// credentials in it (those come from the AWS credential chain inside the pipeline, never from MSBuild).
/// Only <see cref="PublishRequestValidator"/> creates one from user input.
/// </summary>
public sealed record EcrPublishRequest
{
    /// <summary>AWS region, or null to take it from the profile / environment.</summary>
    public string? Region { get; init; }

    /// <summary>12-digit registry (account) id, or null for the caller's account (via STS).</summary>
    public string? RegistryId { get; init; }

    /// <summary>True when <c>ContainerRegistry</c> names a FIPS registry (<c>.dkr.ecr-fips.</c>): the ECR API is called on its FIPS endpoint too.</summary>
    public bool? UseFips { get; init; }

    /// <summary>AWS profile name, or null for the default credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>ECR control-plane endpoint override; AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL / the profile's services section or endpoint_url apply when null.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>
    /// Registry (push) endpoint override, e.g. http://127.0.0.1:5000 or a VPC endpoint; null uses the
    /// proxyEndpoint that GetAuthorizationToken returns.
    /// </summary>
    public Uri? RegistryEndpoint { get; init; }

    public required string Repository { get; init; }

    /// <summary>Distinct, valid tags, in template order.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    public required RepositorySettings RepositorySettings { get; init; }

    public required ImageBuilderKind ImageBuilder { get; init; }

    /// <summary>Full path of the Dockerfile, for <see cref="ImageBuilderKind.Docker"/> only.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>Full path of the Docker build context, or null for the publish output.</summary>
    public string? DockerContextDirectory { get; init; }

    /// <summary>The user's build arguments (they win over VERSION, GIT_SHA and BASE_IMAGE).</summary>
    public IReadOnlyDictionary<string, string> DockerBuildArgs { get; init; } = new Dictionary<string, string>();

    public required ScanSettings Scan { get; init; }

    /// <summary>The local engine the built image is loaded into (<c>EcrLoadInto</c>, else <c>LocalRegistry</c>); null loads nowhere.</summary>
    public Docker.LocalEngine? LoadInto { get; init; }

    /// <summary><c>EcrPush</c>: false builds (and loads) without any ECR call; true by default.</summary>
    public bool Push { get; init; } = true;

    /// <summary>Whether and how long to wait for ECR's managed signing (<c>EcrWaitForSigning</c>, <c>EcrSigningTimeout</c>).</summary>
    public SigningWaitSettings SigningWait { get; init; } = SigningWaitSettings.Default;

    /// <summary>The SBOM and provenance attached to the pushed image; both by default.</summary>
    public SupplyChainSettings SupplyChain { get; init; } = new();

    /// <summary>Full path of the image archive to write as well (<c>ContainerArchiveOutputPath</c>), or null.</summary>
    public string? ArchiveFile { get; init; }

    /// <summary>Full path of the JSON result file to write.</summary>
    public required string ResultFile { get; init; }

    /// <summary>The folder <c>dotnet publish</c> wrote the app to.</summary>
    public required string PublishDirectory { get; init; }

    /// <summary>One publish folder per runtime identifier for a multi-arch image; empty for one platform.</summary>
    public IReadOnlyList<EcrPublish.Images.PlatformPublish> PlatformPublishes { get; init; } = [];

    public required ProjectFacts Project { get; init; }

    /// <summary>Configuration, SDK version and tag templates, for the provenance.</summary>
    public BuildParameters Build { get; init; } = BuildParameters.Unknown;

    /// <summary>Full commit id for the <c>org.opencontainers.image.revision</c> label, when known.</summary>
    public string? GitSha { get; init; }

    public required ContainerSettings Container { get; init; }

    /// <summary>More registries the same image (same digest, same tags) is pushed to, besides this request's own; validated, distinct.</summary>
    public IReadOnlyList<EcrDestination> Destinations { get; init; } = [];

    /// <summary>
    /// For a destination's view (<see cref="ForDestination"/>), the publish it came from: a KMS signing key lives in that
    /// publish's region and account, wherever the image goes. Null for the publish itself.
    /// </summary>
    public EcrPublishRequest? Main { get; init; }

    /// <summary>
    /// This publish as seen from <paramref name="destination"/>: its region, account, repository, endpoints and profile,
    /// and no further destinations. Everything else (tags, repository settings, supply chain, scan) stays.
    /// </summary>
    public EcrPublishRequest ForDestination(EcrDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return this with
        {
            Region = destination.Region ?? Region,
            RegistryId = destination.RegistryId,
            UseFips = destination.UseFips ?? UseFips,
            Profile = destination.Profile ?? Profile,
            ServiceUrl = destination.ServiceUrl,
            RegistryEndpoint = destination.RegistryEndpoint,
            Repository = destination.Repository,
            Destinations = [],
            Main = this,
        };
    }
}
