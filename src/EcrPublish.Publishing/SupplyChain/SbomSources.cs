using EcrPublish.Images;
using EcrPublish.Tagging;

namespace EcrPublish.SupplyChain;

/// <summary>Where <see cref="SbomInputGatherer"/> finds what an SBOM says about one platform image.</summary>
public sealed record SbomSources
{
    /// <summary>The platform's publish folder (with the app's <c>*.deps.json</c> and <c>*.runtimeconfig.json</c>).</summary>
    public required string PublishDirectory { get; init; }

    /// <summary>The app's assembly name; null finds the single app in the publish folder.</summary>
    public string? AppName { get; init; }

    /// <summary>The app's version; null takes the one deps.json records for the app.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The built image (after the build, before or after the push: only digests are needed).</summary>
    public required SbomImage Image { get; init; }

    /// <summary>The resolved base image (its reference, manifest digest and config); null or scratch for none.</summary>
    public BaseImage? BaseImage { get; init; }

    /// <summary>The base image's layer blobs, lowest first (e.g. from <see cref="Registry.RegistryClient.DownloadBlobAsync"/>).</summary>
    public IReadOnlyList<string> BaseLayerFiles { get; init; } = [];

    /// <summary>
    /// The base image's files as far as the SBOM reads them, already stacked (<see cref="BaseImageInventoryReader"/>, from
    /// records in the layer cache); when set, <see cref="BaseLayerFiles"/> is not read. The same SBOM either way.
    /// </summary>
    public Images.Packages.ImageFileSystem? BaseFiles { get; init; }

    public GitFacts Git { get; init; } = GitFacts.Unknown;

    /// <summary>The source repository URL (<see cref="ImageOptions.SourceUrl"/>).</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>The image's timestamp (the commit time or SOURCE_DATE_EPOCH, <see cref="SourceDateEpoch"/>).</summary>
    public required DateTimeOffset Created { get; init; }

    public required string ToolVersion { get; init; }
}
