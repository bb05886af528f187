namespace EcrPublish.Publishing;

/// <summary>
/// The SDK's <c>Container*</c> properties and items, as the user set them (empty when unset). Defaults such
/// as base-image inference belong to the image builder, which also gets the <see cref="ProjectFacts"/>.
/// </summary>
public sealed record ContainerSettings
{
    public string? BaseImage { get; init; }

    public string? Family { get; init; }

    public string? RuntimeIdentifier { get; init; }

    public IReadOnlyList<string> RuntimeIdentifiers { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    public string? User { get; init; }

    /// <summary><c>OCI</c>, <c>Docker</c> or null (follow the base image).</summary>
    public string? ImageFormat { get; init; }

    public IReadOnlyList<ContainerPortSpec> Ports { get; init; } = [];

    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> AppCommand { get; init; } = [];

    public IReadOnlyList<string> AppCommandArgs { get; init; } = [];

    /// <summary><c>Entrypoint</c>, <c>DefaultArgs</c>, <c>None</c> or null (the SDK's default).</summary>
    public string? AppCommandInstruction { get; init; }

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> EntrypointArgs { get; init; } = [];

    public IReadOnlyList<string> DefaultArgs { get; init; } = [];

    /// <summary><c>ContainerGenerateLabels</c>: false turns off the automatic OCI labels.</summary>
    public bool GenerateLabels { get; init; } = true;

    /// <summary>Values for the automatic OCI labels (description, authors, title, vendor, urls, licenses, version), by property name without the <c>Container</c> prefix.</summary>
    public IReadOnlyDictionary<string, string> LabelValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Automatic label keys switched off by the SDK's <c>ContainerGenerateLabelsImage*=false</c>.</summary>
    public IReadOnlyList<string> OmittedLabels { get; init; } = [];
}
