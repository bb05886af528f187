namespace EcrPublish.SupplyChain;

/// <summary>The application an image runs, as the SBOM names it.</summary>
/// <param name="Name">The assembly name (the <c>*.deps.json</c> file name without its suffix).</param>
/// <param name="Version">The app's version (its deps.json entry, or the project's Version).</param>
/// <param name="GitCommit">The full commit id the app was built from, or null when unknown.</param>
/// <param name="RepositoryUrl">The source repository URL (<c>org.opencontainers.image.source</c>), or null.</param>
public sealed record SbomApplication(string Name, string Version, string? GitCommit, string? RepositoryUrl);
