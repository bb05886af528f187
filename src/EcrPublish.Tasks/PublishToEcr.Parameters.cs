using Microsoft.Build.Framework;

namespace EcrPublish.Tasks;

// The MSBuild-facing surface of PublishToEcr. No parameter ever carries a credential: the AWS
// credential chain is read inside the pipeline, because MSBuild logs every task parameter.
public sealed partial class PublishToEcr
{
    /// <summary>The project folder; relative file paths are resolved from here.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary><c>$(MSBuildProjectName)</c>; the default repository name is made from it.</summary>
    [Required]
    public string ProjectName { get; set; } = string.Empty;

    /// <summary><c>$(PublishDir)</c>: the published app that goes into the image.</summary>
    [Required]
    public string PublishDirectory { get; set; } = string.Empty;

    /// <summary><c>$(AssemblyName)</c>.</summary>
    [Required]
    public string AssemblyName { get; set; } = string.Empty;

    /// <summary><c>$(TargetFileName)</c>, e.g. <c>HelloApi.dll</c>.</summary>
    [Required]
    public string TargetFileName { get; set; } = string.Empty;

    /// <summary>major.minor of the target framework, e.g. <c>10.0</c> (chooses the base image tag).</summary>
    public string? TargetFrameworkVersion { get; set; }

    /// <summary><c>$(SelfContained)</c> or <c>$(PublishAot)</c>: the base image becomes runtime-deps.</summary>
    public bool IsSelfContained { get; set; }

    /// <summary>True when the project references Microsoft.AspNetCore.App: the base image becomes aspnet.</summary>
    public bool UsesAspNetCore { get; set; }

    /// <summary><c>$(Version)</c>, for the image's version label.</summary>
    public string? Version { get; set; }

    /// <summary>Full commit id from <c>ComputeEcrImageTags</c>, for the revision label.</summary>
    public string? GitSha { get; set; }

    /// <summary><c>EcrRegion</c>: AWS region code such as <c>eu-west-1</c>; empty uses the profile or AWS_REGION.</summary>
    public string? Region { get; set; }

    /// <summary><c>EcrRegistryId</c>: 12-digit account id of the registry; empty uses the caller's account.</summary>
    public string? RegistryId { get; set; }

    /// <summary><c>EcrProfile</c>: AWS profile name; empty uses the default credential chain.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// <c>EcrRegistryEndpoint</c>: where to push instead of the registry GetAuthorizationToken names
    /// (a VPC endpoint, a local proxy, or a test registry); empty pushes to the ECR registry itself.
    /// </summary>
    public string? RegistryEndpoint { get; set; }

    /// <summary><c>EcrDockerfile</c> (else <c>ContainerDockerfile</c>): the Dockerfile for <c>EcrImageBuilder=Docker</c>; default <c>Dockerfile</c> next to the project.</summary>
    public string? Dockerfile { get; set; }

    /// <summary><c>EcrDockerContext</c>: the Docker build context folder; empty sends the publish output plus the Dockerfile (small and fast).</summary>
    public string? DockerContext { get; set; }

    /// <summary><c>EcrDockerBuildArg</c> items (<c>Include="NAME" Value="value"</c>): Docker build arguments, besides the automatic VERSION, GIT_SHA and BASE_IMAGE.</summary>
    public ITaskItem[] DockerBuildArgs { get; set; } = [];

    /// <summary><c>EcrServiceUrl</c>: ECR API endpoint override; when empty, AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL, then the profile's services section and endpoint_url are honoured, as the AWS CLI does.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary><c>$(EcrAllowInsecureEndpoints)</c>: true allows plain-http endpoints on other hosts.</summary>
    public string? AllowInsecureEndpoints { get; set; }

    /// <summary><c>EcrRepository</c>: the repository name; empty falls back to ContainerRepository, then the project name.</summary>
    public string? Repository { get; set; }

    /// <summary><c>ContainerRepository</c>, used when <c>EcrRepository</c> is empty.</summary>
    public string? ContainerRepository { get; set; }

    /// <summary>The tags from <c>ComputeEcrImageTags</c>.</summary>
    public ITaskItem[] ImageTags { get; set; } = [];

    /// <summary><c>EcrCreateRepository</c>: create the repository when it is missing (default true).</summary>
    public string? CreateRepository { get; set; }

    /// <summary><c>EcrScanOnPush</c>: basic scan on push for a created repository (default true).</summary>
    public string? ScanOnPush { get; set; }

    /// <summary><c>EcrImageTagMutability</c>: MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION (default, with <c>latest</c> excluded).</summary>
    public string? ImageTagMutability { get; set; }

    /// <summary><c>EcrEncryptionType</c>: AES256, KMS or KMS_DSSE for a created repository.</summary>
    public string? EncryptionType { get; set; }

    /// <summary><c>EcrKmsKey</c>: KMS key id or ARN (implies KMS when EcrEncryptionType is empty).</summary>
    public string? KmsKey { get; set; }

    /// <summary><c>EcrRepositoryTag</c> items: Include is the key, metadata <c>Value</c> the value.</summary>
    public ITaskItem[] RepositoryTags { get; set; } = [];

    /// <summary><c>EcrLifecyclePolicyFile</c>: JSON lifecycle policy applied when it differs from the repository's.</summary>
    public string? LifecyclePolicyFile { get; set; }

    /// <summary><c>EcrRepositoryPolicyFile</c>: JSON repository policy applied when it differs from the repository's.</summary>
    public string? RepositoryPolicyFile { get; set; }

    /// <summary><c>EcrImageBuilder</c>: Daemonless (default) or Docker.</summary>
    public string? ImageBuilder { get; set; }

    /// <summary><c>EcrScan</c>: None, Wait or Start; empty waits when the repository scans on push.</summary>
    public string? Scan { get; set; }

    /// <summary><c>EcrScanTimeout</c>: seconds or hh:mm:ss to wait for scan results (default 10 minutes).</summary>
    public string? ScanTimeout { get; set; }

    /// <summary><c>EcrScanFailOnSeverity</c>: fail on findings of this severity or worse (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL); empty never fails.</summary>
    public string? ScanFailOnSeverity { get; set; }

    /// <summary><c>EcrResultFile</c>: where the JSON result is written.</summary>
    public string? ResultFile { get; set; }

    /// <summary><c>ContainerBaseImage</c>; empty lets the builder infer aspnet / runtime / runtime-deps.</summary>
    public string? ContainerBaseImage { get; set; }

    /// <summary><c>ContainerFamily</c>, appended to the inferred base image tag (e.g. <c>noble-chiseled</c>).</summary>
    public string? ContainerFamily { get; set; }

    /// <summary><c>ContainerRuntimeIdentifier</c>.</summary>
    public string? ContainerRuntimeIdentifier { get; set; }

    /// <summary><c>ContainerRuntimeIdentifiers</c> (';'-separated) for a multi-arch image.</summary>
    public string? ContainerRuntimeIdentifiers { get; set; }

    /// <summary>
    /// A multi-arch publish: one item per runtime identifier (the identity) with <c>PublishDirectory</c> metadata,
    /// published by the targets' inner builds. Empty for a single-platform image.
    /// </summary>
    public ITaskItem[] PlatformPublishes { get; set; } = [];

    /// <summary><c>ContainerWorkingDirectory</c>.</summary>
    public string? ContainerWorkingDirectory { get; set; }

    /// <summary><c>ContainerUser</c>.</summary>
    public string? ContainerUser { get; set; }

    /// <summary><c>ContainerImageFormat</c>: OCI or Docker; empty follows the base image.</summary>
    public string? ContainerImageFormat { get; set; }

    /// <summary><c>ContainerPort</c> items: Include is the port, metadata <c>Type</c> tcp (default) or udp.</summary>
    public ITaskItem[] ContainerPorts { get; set; } = [];

    /// <summary><c>ContainerEnvironmentVariable</c> items: Include is the name, metadata <c>Value</c> the value.</summary>
    public ITaskItem[] ContainerEnvironmentVariables { get; set; } = [];

    /// <summary><c>ContainerLabel</c> items: Include is the key, metadata <c>Value</c> the value.</summary>
    public ITaskItem[] ContainerLabels { get; set; } = [];

    /// <summary><c>ContainerAppCommand</c> items.</summary>
    public ITaskItem[] ContainerAppCommand { get; set; } = [];

    /// <summary><c>ContainerAppCommandArgs</c> items.</summary>
    public ITaskItem[] ContainerAppCommandArgs { get; set; } = [];

    /// <summary><c>ContainerAppCommandInstruction</c>: Entrypoint, DefaultArgs or None.</summary>
    public string? ContainerAppCommandInstruction { get; set; }

    /// <summary><c>ContainerEntrypoint</c> items (legacy).</summary>
    public ITaskItem[] ContainerEntrypoint { get; set; } = [];

    /// <summary><c>ContainerEntrypointArgs</c> items (legacy).</summary>
    public ITaskItem[] ContainerEntrypointArgs { get; set; } = [];

    /// <summary><c>ContainerDefaultArgs</c> items (the image's CMD).</summary>
    public ITaskItem[] ContainerDefaultArgs { get; set; } = [];

    /// <summary><c>ContainerGenerateLabels</c>: false turns off the automatic OCI labels.</summary>
    public string? ContainerGenerateLabels { get; set; }

    /// <summary>Values for the automatic labels: items whose Include is the property name without <c>Container</c> (Description, Authors, Title, Vendor, InformationUrl, DocumentationUrl, LicenseExpression, Version) and metadata <c>Value</c>.</summary>
    public ITaskItem[] ContainerLabelValues { get; set; } = [];

    /// <summary>The pushed repository URI, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello-api</c>.</summary>
    [Output]
    public string EcrImageUri { get; private set; } = string.Empty;

    /// <summary>The pushed manifest (or index) digest.</summary>
    [Output]
    public string EcrImageDigest { get; private set; } = string.Empty;

    /// <summary>One item per pushed image: Include is <c>uri@digest</c>; metadata Digest, Tags, ScanStatus and one count per severity (Critical, High, …).</summary>
    [Output]
    public ITaskItem[] EcrPublishedImage { get; private set; } = [];
}
