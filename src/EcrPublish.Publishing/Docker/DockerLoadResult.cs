namespace EcrPublish.Docker;

/// <summary>What an engine said about a load.</summary>
/// <param name="Loaded">The names (or ids) it reported loaded.</param>
/// <param name="Error">Its error message when it refused the archive; null on success.</param>
public sealed record DockerLoadResult(IReadOnlyList<string> Loaded, string? Error);
