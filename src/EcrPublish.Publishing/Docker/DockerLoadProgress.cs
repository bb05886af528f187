using Docker.DotNet.Models;

namespace EcrPublish.Docker;

/// <summary>
/// Reads the engine's load stream: the names it reports loaded ("Loaded image: hello:1.0") and its first error.
/// Reports run synchronously so they keep their order.
/// </summary>
internal sealed class DockerLoadProgress : IProgress<JSONMessage>
{
    private const string LoadedPrefix = "Loaded image:";
    private readonly List<string> _loaded = [];

    /// <summary>What the engine said it loaded: names, or image ids for an archive without names.</summary>
    public IReadOnlyList<string> Loaded => _loaded;

    /// <summary>The engine's first error message, if any.</summary>
    public string? ErrorMessage { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } error)
        {
            ErrorMessage ??= error.Trim();
            return;
        }

        // Docker writes one line per name; Podman one line listing every name, comma-separated.
        foreach (var line in (value.Stream ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var text = line.StartsWith(LoadedPrefix, StringComparison.Ordinal) ? line[LoadedPrefix.Length..]
                : line.StartsWith("Loaded image ID:", StringComparison.Ordinal) ? line["Loaded image ID:".Length..]
                : null;
            _loaded.AddRange((text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
