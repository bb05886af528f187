namespace EcrPublish.Publishing;

/// <summary>Stable codes of the publishing pipeline itself (listed in docs/errors.md).</summary>
public static class PublishErrorCodes
{
    /// <summary>The repository does not exist and EcrCreateRepository is false.</summary>
    public const string RepositoryMissing = "ECR2201";

    /// <summary>EcrImageBuilder=Docker, but this build has no Docker engine path.</summary>
    public const string DockerBuilderUnavailable = "ECR2202";

    /// <summary>ECR returned no repository URI, so there is nowhere to push.</summary>
    public const string NoRepositoryUri = "ECR2203";

    /// <summary>More than one runtime identifier was asked of a single-publish MSBuild run.</summary>
    public const string MultiPlatformNotSupported = "ECR2204";
}
