namespace EcrPublish.SupplyChain;

/// <summary>A NuGet package of the app's runtime closure, from its <c>*.deps.json</c>.</summary>
/// <param name="Name">The package id as deps.json writes it.</param>
/// <param name="Version">The resolved version.</param>
/// <param name="Sha512Hex">deps.json's <c>sha512</c> in lowercase hex, or null when it has none. It is NuGet's content hash
/// (project.assets.json, <c>.nupkg.metadata</c>): the SHA-512 of the package without its signature file, so for a signed
/// package it differs from the SHA-512 of the downloaded .nupkg file.</param>
/// <param name="Dependencies">The names of the packages it depends on (projects already replaced by their own dependencies).</param>
public sealed record SbomNuGetPackage(string Name, string Version, string? Sha512Hex, IReadOnlyList<string> Dependencies);
