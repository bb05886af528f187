namespace EcrPublish.Images;

/// <summary>The layers a .NET publish folder is split into, bottom (changes least) to top (changes most).</summary>
public enum LayerKind
{
    /// <summary>The .NET runtime of a self-contained app.</summary>
    Runtime,

    /// <summary>Assets of NuGet packages with a stable version.</summary>
    Packages,

    /// <summary>Assets of NuGet packages with a prerelease version (they churn more).</summary>
    PrereleasePackages,

    /// <summary>Outputs of ProjectReferences.</summary>
    ProjectReferences,

    /// <summary>wwwroot and other static web assets.</summary>
    StaticAssets,

    /// <summary>The app itself and anything not classified.</summary>
    App,
}
