namespace EcrPublish.Validation;

/// <summary>
/// The ECR1xxx codes for configuration and input problems. docs/errors/msbuild.md explains each one;
/// never renumber a code once it has shipped.
/// </summary>
public static class InputCodes
{
    public const string InvalidRepositoryName = "ECR1001";
    public const string RepositoryNameNotDerivable = "ECR1002";
    public const string InvalidRegion = "ECR1003";
    public const string InvalidRegistryId = "ECR1004";
    public const string InvalidServiceUrl = "ECR1005";
    public const string InvalidBoolean = "ECR1006";
    public const string InvalidRegistryEndpoint = "ECR1007";

    public const string MalformedTagTemplate = "ECR1010";
    public const string UnknownTagToken = "ECR1011";
    public const string TagTokenHasNoValue = "ECR1012";
    public const string InvalidTag = "ECR1013";
    public const string InvalidTagTokenArgument = "ECR1014";
    public const string NoTags = "ECR1015";

    public const string InvalidTagMutability = "ECR1020";
    public const string InvalidEncryptionType = "ECR1021";
    public const string KmsKeyWithoutKmsEncryption = "ECR1022";
    public const string InvalidImageBuilder = "ECR1023";
    public const string InvalidScanMode = "ECR1024";
    public const string InvalidScanTimeout = "ECR1025";
    public const string InvalidSeverity = "ECR1026";
    public const string InvalidRepositoryTag = "ECR1027";

    public const string PolicyFileMissing = "ECR1030";
    public const string PolicyFileNotJson = "ECR1031";
    public const string PolicyFileUnreadable = "ECR1055";
    public const string InsecureEndpoint = "ECR1056";
    public const string InvalidResultFile = "ECR1057";
    public const string InvalidContainerFamily = "ECR1058";

    /// <summary>A message, not an error: a Dockerfile lies next to the project, but nothing asked for the Docker builder.</summary>
    public const string UnusedDockerfile = "ECR1059";

    public const string ContainerRegistryNotEcr = "ECR1060";

    /// <summary>Raised by the targets (before the tags are computed), as the SDK's CONTAINER2008.</summary>
    public const string ContainerImageTagAndTags = "ECR1061";

    public const string ContainerRegistryConflict = "ECR1062";
    public const string InvalidArchiveOutputPath = "ECR1063";
    public const string ArchiveNeedsDaemonlessBuilder = "ECR1064";

    public const string ExclusionFilterWithoutExclusionMutability = "ECR1080";
    public const string InvalidExclusionFilter = "ECR1081";
    public const string TooManyExclusionFilters = "ECR1082";
    public const string InvalidCreateRepository = "ECR1083";

    /// <summary>A warning: EcrCreateRepository=Template, so the repository gets the template's settings, not the project's.</summary>
    public const string CreationSettingsIgnoredByTemplate = "ECR1084";

    public const string InvalidContainerPort = "ECR1040";
    public const string InvalidContainerEnvironmentVariable = "ECR1041";
    public const string InvalidContainerImageFormat = "ECR1042";
    public const string InvalidContainerAppCommandInstruction = "ECR1043";
    public const string MissingPublishDirectory = "ECR1044";
    public const string MissingDockerfile = "ECR1045";
    public const string MissingDockerContext = "ECR1046";
    public const string InvalidDockerBuildArg = "ECR1047";

    /// <summary>Raised by the targets (before any inner publish): a ContainerRuntimeIdentifiers entry is not in RuntimeIdentifiers.</summary>
    public const string UnrestoredRuntimeIdentifier = "ECR1049";

    public const string NoGitRepository = "ECR1050";
    public const string ShallowClone = "ECR1051";
    public const string DetachedHead = "ECR1052";
    public const string DirtyWorkTree = "ECR1053";
    public const string GitReadFailed = "ECR1054";

    public const string MultiTargetingOuterBuild = "ECR1090";

    public const string InvalidSbomFormat = "ECR1093";

    /// <summary>An EcrDestination item names no registry: neither an ECR registry host nor Region/ServiceUrl metadata, or a bad region, account or repository.</summary>
    public const string InvalidDestination = "ECR1070";

    /// <summary>An EcrDestination item's metadata contradicts the registry host its Include names.</summary>
    public const string ConflictingDestination = "ECR1071";

    /// <summary>An EcrDestination item's ServiceUrl or RegistryEndpoint is not an http(s) URL, or is plain http to a host that is not loopback.</summary>
    public const string InvalidDestinationEndpoint = "ECR1072";

    /// <summary>Two EcrDestination items (or one and the main publish) name the same repository in the same registry.</summary>
    public const string DuplicateDestination = "ECR1073";

    /// <summary>EcrDestination items with the Docker builder: only daemonless images are pushed to several registries.</summary>
    public const string DestinationsWithDockerBuilder = "ECR1074";

    /// <summary>EcrDestination items with EcrPush=false: nothing would be pushed to them.</summary>
    public const string DestinationsWithoutPush = "ECR1075";

    /// <summary>EcrLoadInto (or the SDK's LocalRegistry) is not Docker or Podman.</summary>
    public const string InvalidLoadInto = "ECR1076";

    /// <summary>EcrPush=false without EcrLoadInto: the image would go nowhere.</summary>
    public const string NothingToPublish = "ECR1077";

    /// <summary>EcrPush=false with EcrScan=Wait or Start: ECR scans only pushed images.</summary>
    public const string ScanWithoutPush = "ECR1078";

    /// <summary>Raised by the targets: Visual Studio 2022's MSBuild runs the tasks through 'dotnet', which is missing.</summary>
    public const string DotnetNotFound = "ECR1091";

    /// <summary>Raised by the targets: the child 'dotnet msbuild' that ran the container step failed.</summary>
    public const string DotnetChildFailed = "ECR1092";
}
