using EcrPublish.Images.Packages;

namespace EcrPublish.SupplyChain;

/// <summary>
/// Everything an SBOM says, gathered before writing (see <see cref="SbomInputGatherer"/>). The writers add nothing
/// that is not here: no clock, no machine facts, so the same inputs give the same bytes.
/// </summary>
public sealed record SbomInputs
{
    public required SbomImage Image { get; init; }

    public required SbomApplication Application { get; init; }

    /// <summary>The packages of deps.json (type <c>package</c>).</summary>
    public IReadOnlyList<SbomNuGetPackage> NuGetPackages { get; init; } = [];

    /// <summary>The names of the packages the app itself depends on directly.</summary>
    public IReadOnlyList<string> ApplicationDependencies { get; init; } = [];

    public IReadOnlyList<RuntimeFramework> Frameworks { get; init; } = [];

    /// <summary>The base image; null for a scratch base.</summary>
    public SbomBaseImage? BaseImage { get; init; }

    /// <summary>The base image's operating-system packages.</summary>
    public IReadOnlyList<OsPackage> OsPackages { get; init; } = [];

    /// <summary>The document's creation time: the commit time or SOURCE_DATE_EPOCH, never the wall clock.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>EcrPublish's version, named as the creating tool.</summary>
    public required string ToolVersion { get; init; }
}
