namespace EcrPublish.Publishing;

/// <summary>Stable codes of the publishing pipeline itself (listed in docs/errors.md).</summary>
public static class PublishErrorCodes
{
    /// <summary>The repository does not exist and EcrCreateRepository is false.</summary>
    public const string RepositoryMissing = "ECR2201";

    /// <summary>ECR returned no repository URI, so there is nowhere to push.</summary>
    public const string NoRepositoryUri = "ECR2203";

    /// <summary>More than one runtime identifier was asked of a single-publish MSBuild run.</summary>
    public const string MultiPlatformNotSupported = "ECR2204";

    /// <summary>A file or folder of the publish could not be read or written (I/O or permission failure).</summary>
    public const string FileSystemFailure = "ECR2205";

    /// <summary>A failure no step expected; the message carries the exception's type and message.</summary>
    public const string UnexpectedFailure = "ECR2206";

    /// <summary>A multi-arch image has no platform of the local engine's (EcrLoadInto).</summary>
    public const string NoPlatformForEngine = "ECR2207";

    /// <summary>The local engine refused to load the image (EcrLoadInto).</summary>
    public const string LoadFailed = "ECR2208";

    /// <summary>The push to one of the destinations (EcrDestination, or the main one beside them) failed; the others were pushed completely or not at all.</summary>
    public const string DestinationPushFailed = "ECR3125";

    /// <summary>Attaching the referrers (SBOM, provenance, signature) in an EcrDestination failed; the image is pushed everywhere.</summary>
    public const string DestinationAttachFailed = "ECR3126";

    /// <summary>Provisioning the repository of an EcrDestination failed; nothing was pushed anywhere.</summary>
    public const string DestinationProvisionFailed = "ECR3127";

    /// <summary>EcrCreateRepository=Template, but no CREATE_ON_PUSH repository creation template covers the missing repository.</summary>
    public const string NoCreateOnPushTemplate = "ECR3130";

    /// <summary>EcrCreateRepository=Template with EcrRegistryId of another account: its templates cannot be read from the caller's.</summary>
    public const string TemplatesOfAnotherRegistry = "ECR3131";
}
