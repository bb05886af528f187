namespace EcrPublish.Docker;

/// <summary>
/// The outcome of building and pushing through a Docker engine, in the terms the daemonless path reports
/// (repository, digest, tags, image URI), so the shared pipeline maps both to the same outputs.
/// </summary>
/// <param name="ImageId">The engine's image id (sha256 of the image config).</param>
/// <param name="Repository">The repository pushed to (registry/path).</param>
/// <param name="Digest">The manifest digest every tag points at, verified against the registry.</param>
/// <param name="Tags">The tags pushed.</param>
/// <param name="BytesPushed">The layer bytes the engine uploaded; null when it did not say.</param>
public sealed record DockerPublishResult(string ImageId, string Repository, string Digest, IReadOnlyList<string> Tags, long? BytesPushed)
{
    /// <summary>repository@digest: the immutable reference of the pushed image.</summary>
    public string ImageUri => $"{Repository}@{Digest}";
}
