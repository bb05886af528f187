namespace EcrPublish.Publishing.Stages;

/// <summary>What a load left in a local engine.</summary>
/// <param name="Engine">The engine and where it was reached, for the log, e.g. <c>Docker at unix:///var/run/docker.sock</c>.</param>
/// <param name="Names">The names it now holds the image under, <c>repository:tag</c>.</param>
/// <param name="Platform">The platform loaded (of a multi-arch image, the engine's own).</param>
public sealed record LoadedImage(string Engine, IReadOnlyList<string> Names, string Platform);
