namespace EcrPublish.SupplyChain;

/// <summary>One element of an SBOM, in the terms both formats share.</summary>
/// <param name="Id">A stable identifier, unique in the document, made of <c>[A-Za-z0-9.-]</c> (the SPDXID after <c>SPDXRef-</c>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Name">Its name.</param>
/// <param name="Version">Its version (a digest for images).</param>
/// <param name="Purl">Its package URL, or null (the app, the operating system).</param>
/// <param name="Sha512Hex">SHA-512 of the package file, lowercase hex, or null.</param>
/// <param name="Sha256Hex">SHA-256 (the manifest digest of an image), lowercase hex, or null.</param>
/// <param name="SourceInfo">Where it was built from, for people (the git commit, a Debian source package), or null.</param>
/// <param name="License">A license as the package database writes it (not an SPDX expression), or null.</param>
public sealed record SbomComponent(
    string Id,
    SbomComponentKind Kind,
    string Name,
    string Version,
    string? Purl,
    string? Sha512Hex = null,
    string? Sha256Hex = null,
    string? SourceInfo = null,
    string? License = null);
