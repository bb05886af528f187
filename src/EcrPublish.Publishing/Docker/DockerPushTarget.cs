namespace EcrPublish.Docker;

/// <summary>Where to push: the repository, every tag, and the registry credentials (null for a registry without auth).</summary>
public sealed record DockerPushTarget(string Repository, IReadOnlyList<string> Tags, DockerRegistryCredentials? Credentials = null);
