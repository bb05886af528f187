namespace EcrPublish.LocalEcr.Scanning;

/// <summary>A package found in an image.</summary>
/// <param name="Ecosystem">Which package manager recorded it.</param>
/// <param name="Name">The (binary) package name.</param>
/// <param name="SourceName">The source package (Debian advisories are filed against it), or null when the same as the name.</param>
/// <param name="Version">The installed version.</param>
internal sealed record InstalledPackage(PackageEcosystem Ecosystem, string Name, string? SourceName, string Version);
