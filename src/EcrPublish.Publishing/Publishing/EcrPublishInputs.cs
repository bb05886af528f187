namespace EcrPublish.Publishing;

/// <summary>
/// The publish settings exactly as the user wrote them (MSBuild properties and items, all text). Empty or
/// null means "not set". <see cref="PublishRequestValidator"/> turns this into an <see cref="EcrPublishRequest"/>.
/// </summary>
public sealed record EcrPublishInputs
{
    public required string ProjectDirectory { get; init; }

    public required string ProjectName { get; init; }

    public required string PublishDirectory { get; init; }

    /// <summary>
    /// A multi-arch publish: one publish folder per runtime identifier (the targets publish each one first).
    /// Empty for the usual single-platform publish of <see cref="PublishDirectory"/>.
    /// </summary>
    public IReadOnlyList<EcrPublish.Images.PlatformPublish> PlatformPublishes { get; init; } = [];

    public string? Region { get; init; }

    public string? RegistryId { get; init; }

    public string? Profile { get; init; }

    public string? RegistryEndpoint { get; init; }

    /// <summary>The SDK's <c>ContainerRegistry</c>: an ECR host gives the registry id and region; any other is refused.</summary>
    public string? ContainerRegistry { get; init; }

    /// <summary>The SDK's <c>ContainerArchiveOutputPath</c>: a file, or a folder (ends with a separator or has no extension) for <c>&lt;repository&gt;.tar.gz</c>.</summary>
    public string? ContainerArchiveOutputPath { get; init; }

    /// <summary><c>EcrDockerfile</c>, else the SDK's <c>ContainerDockerfile</c>; relative to the project.</summary>
    public string? Dockerfile { get; init; }

    /// <summary><c>EcrDockerContext</c>: the build context folder; empty = the publish output.</summary>
    public string? DockerContext { get; init; }

    /// <summary><c>EcrDockerBuildArg</c> items: name and <c>Value</c> metadata.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DockerBuildArgs { get; init; } = [];

    /// <summary><c>EcrDestination</c> items: more registries (regions, accounts) the same image is pushed to.</summary>
    public IReadOnlyList<DestinationInput> Destinations { get; init; } = [];

    public string? ServiceUrl { get; init; }

    /// <summary><c>EcrAllowInsecureEndpoints</c>: true allows http EcrServiceUrl / EcrRegistryEndpoint to a host that is not loopback.</summary>
    public string? AllowInsecureEndpoints { get; init; }

    public string? Repository { get; init; }

    public string? ContainerRepository { get; init; }

    /// <summary><c>EcrImageTags</c> (else the SDK's tag properties) as written, before rendering; empty: the default templates.</summary>
    public string? ImageTagTemplates { get; init; }

    /// <summary><c>$(Configuration)</c>.</summary>
    public string? Configuration { get; init; }

    /// <summary><c>$(NETCoreSdkVersion)</c>.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>Tags already rendered from the templates (see <c>TagPlanner</c>); validated again here.</summary>
    public IReadOnlyList<string> ImageTags { get; init; } = [];

    public string? CreateRepository { get; init; }

    public string? ScanOnPush { get; init; }

    public string? ImageTagMutability { get; init; }

    /// <summary><c>EcrImageTagMutabilityExclusionFilter</c> items: the wildcard filters, as written.</summary>
    public IReadOnlyList<string> ImageTagMutabilityExclusionFilters { get; init; } = [];

    public string? EncryptionType { get; init; }

    public string? KmsKey { get; init; }

    /// <summary><c>EcrRepositoryTag</c> items: key = Include, value = Value metadata.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RepositoryTags { get; init; } = [];

    public string? LifecyclePolicyFile { get; init; }

    public string? RepositoryPolicyFile { get; init; }

    public string? ImageBuilder { get; init; }

    public string? Scan { get; init; }

    public string? ScanTimeout { get; init; }

    public string? ScanFailOnSeverity { get; init; }

    /// <summary><c>EcrScanIgnore</c> items: the finding's name with its Expires and Reason metadata.</summary>
    public IReadOnlyList<ScanIgnoreInput> ScanIgnores { get; init; } = [];

    /// <summary><c>EcrScanFailOnFixableOnly</c>: true or false.</summary>
    public string? ScanFailOnFixableOnly { get; init; }

    /// <summary><c>EcrScanSarifFile</c>: where to write the findings as SARIF 2.1.0 (relative to the project).</summary>
    public string? ScanSarifFile { get; init; }

    /// <summary><c>EcrSbom</c>: true or false.</summary>
    public string? Sbom { get; init; }

    /// <summary><c>EcrSbomFormat</c>: spdx, cyclonedx or both.</summary>
    public string? SbomFormat { get; init; }

    /// <summary><c>EcrProvenance</c>: true or false.</summary>
    public string? Provenance { get; init; }

    /// <summary><c>EcrLoadInto</c>, else the SDK's <c>LocalRegistry</c>: Docker or Podman.</summary>
    public string? LoadInto { get; init; }

    /// <summary><c>EcrPush</c>: true or false.</summary>
    public string? Push { get; init; }

    /// <summary><c>EcrWaitForSigning</c>: auto, true or false.</summary>
    public string? WaitForSigning { get; init; }

    /// <summary><c>EcrSigningTimeout</c>: seconds or hh:mm:ss.</summary>
    public string? SigningTimeout { get; init; }

    /// <summary><c>EcrSign</c>: true or false.</summary>
    public string? Sign { get; init; }

    /// <summary><c>EcrSigningKey</c>: a PEM private key file, or <c>awskms:///alias/name</c> / <c>awskms:///arn:aws:kms:…</c>.</summary>
    public string? SigningKey { get; init; }

    /// <summary><c>EcrSigningCertificate</c>: the PEM certificate chain of the signing key, leaf first.</summary>
    public string? SigningCertificate { get; init; }

    public string? ResultFile { get; init; }

    public required ProjectFacts Project { get; init; }

    public string? GitSha { get; init; }

    /// <summary><c>ContainerPort</c> items: key = port number, value = Type metadata.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ContainerPorts { get; init; } = [];

    /// <summary><c>ContainerEnvironmentVariable</c> items: key = name, value = Value metadata.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ContainerEnvironmentVariables { get; init; } = [];

    public string? ContainerImageFormat { get; init; }

    public string? ContainerAppCommandInstruction { get; init; }

    public string? ContainerGenerateLabels { get; init; }

    /// <summary>The remaining container settings, which need no validation beyond what the SDK itself does.</summary>
    public ContainerSettings Container { get; init; } = new();
}
