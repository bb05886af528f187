namespace EcrPublish.Images.Packages;

/// <summary>A package an operating system's package manager records as installed in an image.</summary>
/// <param name="Manager">The package manager whose database lists it.</param>
/// <param name="Name">The (binary) package name.</param>
/// <param name="Version">The installed version, exactly as the database writes it (with any epoch).</param>
/// <param name="Architecture">dpkg's <c>Architecture</c> or apk's <c>A</c>; null when the database omits it.</param>
/// <param name="SourceName">The source package (dpkg <c>Source</c>, apk origin <c>o</c>), or null when the same as the name.</param>
/// <param name="SourceVersion">The source package's version when dpkg records one that differs, else null.</param>
/// <param name="License">apk's <c>L</c> field as written (not an SPDX expression); dpkg records none.</param>
public sealed record OsPackage(
    OsPackageManager Manager,
    string Name,
    string Version,
    string? Architecture,
    string? SourceName,
    string? SourceVersion,
    string? License);
