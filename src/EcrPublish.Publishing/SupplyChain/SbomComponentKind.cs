namespace EcrPublish.SupplyChain;

/// <summary>What a component of the SBOM is; decides SPDX's primaryPackagePurpose and CycloneDX's component type.</summary>
public enum SbomComponentKind
{
    /// <summary>The image the SBOM describes (the root).</summary>
    Image,

    /// <summary>The .NET application.</summary>
    Application,

    /// <summary>A NuGet package from deps.json.</summary>
    NuGetPackage,

    /// <summary>A .NET shared framework (Microsoft.NETCore.App, Microsoft.AspNetCore.App).</summary>
    Framework,

    /// <summary>The base image, by digest.</summary>
    BaseImage,

    /// <summary>The base image's distribution (os-release).</summary>
    OperatingSystem,

    /// <summary>A dpkg or apk package of the base image.</summary>
    OsPackage,
}
