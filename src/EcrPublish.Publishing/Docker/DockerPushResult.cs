namespace EcrPublish.Docker;

/// <summary>What a push through the engine did: the manifest digest every tag points at and which layers were uploaded.</summary>
/// <param name="Repository">The repository pushed to.</param>
/// <param name="Tags">The tags pushed.</param>
/// <param name="Digest">The manifest digest (sha256:...) that every tag points at.</param>
/// <param name="PushedLayerIds">
/// The layers the engine uploaded (not found or mounted in the registry), as the engine names them: the first 12 hex digits
/// of the diff id; null when the engine reported no layer progress at all (Podman 4.3's Docker-compatible API), so which
/// layers travelled is unknown.
/// </param>
public sealed record DockerPushResult(string Repository, IReadOnlyList<string> Tags, string Digest, IReadOnlySet<string>? PushedLayerIds);
