namespace EcrPublish.Docker;

/// <summary>
/// Stable codes of the errors the Docker engine path reports (range ECR6xxx). docs/errors/docker.md says what
/// each one means and what to do.
/// </summary>
public static class DockerErrorCodes
{
    /// <summary>No Docker-compatible engine answered on any endpoint that was tried.</summary>
    public const string EngineUnreachable = "ECR6001";

    /// <summary>DOCKER_HOST (or a context's host) is not a supported endpoint.</summary>
    public const string UnsupportedEndpoint = "ECR6002";

    /// <summary>TLS was asked for but the certificate files are missing or unreadable.</summary>
    public const string TlsCertificatesInvalid = "ECR6003";

    /// <summary>The selected docker context does not exist or its metadata cannot be read.</summary>
    public const string ContextInvalid = "ECR6004";

    /// <summary>The Dockerfile does not exist.</summary>
    public const string DockerfileMissing = "ECR6010";

    /// <summary>The build context directory does not exist.</summary>
    public const string BuildContextMissing = "ECR6011";

    /// <summary>A Dockerfile step failed.</summary>
    public const string BuildFailed = "ECR6012";

    /// <summary>The engine finished the build without reporting an image id.</summary>
    public const string BuildProducedNoImage = "ECR6013";

    /// <summary>A repository or tag is not a valid image reference.</summary>
    public const string InvalidImageReference = "ECR6020";

    /// <summary>The engine could not tag the built image.</summary>
    public const string TagFailed = "ECR6021";

    /// <summary>The registry refused the push (authentication, permissions, quota, ...).</summary>
    public const string PushFailed = "ECR6022";

    /// <summary>The engine finished the push without reporting the manifest digest.</summary>
    public const string PushDigestMissing = "ECR6023";

    /// <summary>The tags were pushed at different digests, or the registry serves another digest than the engine pushed.</summary>
    public const string DigestMismatch = "ECR6024";

    /// <summary>The registry could not be asked for the pushed manifest.</summary>
    public const string RegistryVerificationFailed = "ECR6025";

    /// <summary>DOCKER_HOST or the context names a tcp:// engine on another host without TLS, and no opt-in was given.</summary>
    public const string CleartextEngine = "ECR6026";
}
