using System.IO.Compression;

namespace EcrPublish.Images;

/// <summary>
/// Everything that decides what image is built. The MSBuild task maps the SDK's Container* properties
/// onto it (ContainerBaseImage → <see cref="BaseImage"/>, ContainerWorkingDirectory, ContainerUser,
/// ContainerEnvironmentVariable, ContainerPort, ContainerLabel, ContainerAppCommand/Args ...).
/// </summary>
public sealed record ImageOptions
{
    /// <summary>One entry per runtime identifier; more than one produces an image index.</summary>
    public required IReadOnlyList<PlatformPublish> Platforms { get; init; }

    /// <summary>Base image reference, e.g. mcr.microsoft.com/dotnet/aspnet:10.0; null or "scratch" for none.</summary>
    public string? BaseImage { get; init; }

    /// <summary>Base image per runtime identifier, when one differs from <see cref="BaseImage"/>.</summary>
    public IReadOnlyDictionary<string, string> BaseImageByRuntimeIdentifier { get; init; } = new Dictionary<string, string>();

    public string WorkingDirectory { get; init; } = "/app";

    /// <summary>The app's assembly name; found from the single *.deps.json when null.</summary>
    public string? AppName { get; init; }

    /// <summary>Entrypoint; null computes it (dotnet App.dll, or the apphost when self-contained).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Cmd (arguments after the entrypoint); null clears the base image's Cmd when the entrypoint is ours.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Start through the apphost (./App) even when framework-dependent.</summary>
    public bool UseAppHost { get; init; }

    public string? User { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Exposed ports: "8080", "8080/tcp" or "53/udp".</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Automatic labels to leave out (the SDK's <c>ContainerGenerateLabelsImage*=false</c>), by key; <see cref="Labels"/> are never left out.</summary>
    public IReadOnlySet<string> OmittedLabels { get; init; } = new HashSet<string>();

    /// <summary>File times and <c>created</c>; null uses SOURCE_DATE_EPOCH, else 1970-01-01.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>org.opencontainers.image.version.</summary>
    public string? Version { get; init; }

    /// <summary>org.opencontainers.image.revision (the git commit).</summary>
    public string? Revision { get; init; }

    /// <summary>org.opencontainers.image.source (the repository URL).</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Forces OCI or Docker media types; null follows the base image.</summary>
    public ImageFormat? Format { get; init; }

    /// <summary>
    /// Layers of an earlier push (<see cref="PublishedLayers.ReadAsync"/>) to reuse by diffID, so a build on
    /// another machine (other gzip bytes) gives the same digests and uploads nothing it already has.
    /// </summary>
    public PublishedLayers? ReusableLayers { get; init; }

    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Optimal;
}
