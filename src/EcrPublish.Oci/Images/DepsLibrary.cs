namespace EcrPublish.Images;

/// <summary>One library of a <c>*.deps.json</c> and the publish-folder paths its assets may have.</summary>
/// <param name="Name">Package or project name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Type">package, project, runtimepack or reference.</param>
/// <param name="AssetPaths">Paths relative to the publish folder where its assets can land.</param>
public sealed record DepsLibrary(string Name, string Version, string Type, IReadOnlyList<string> AssetPaths)
{
    /// <summary>The <c>sha512</c> the libraries section records (<c>sha512-BASE64</c> of the .nupkg); null when empty.</summary>
    public string? Sha512 { get; init; }

    /// <summary>The names of the libraries this one depends on in the runtime target.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    public bool IsPrerelease => Version.Contains('-', StringComparison.Ordinal);
}
