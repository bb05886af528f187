namespace EcrPublish.SupplyChain;

/// <summary>A NuGet package of the app's runtime closure, from its <c>*.deps.json</c>.</summary>
/// <param name="Name">The package id as deps.json writes it.</param>
/// <param name="Version">The resolved version.</param>
/// <param name="Sha512Hex">The lowercase hex SHA-512 of the .nupkg (deps.json's <c>sha512</c>), or null when deps.json has none.</param>
/// <param name="Dependencies">The names of the packages it depends on (projects already replaced by their own dependencies).</param>
public sealed record SbomNuGetPackage(string Name, string Version, string? Sha512Hex, IReadOnlyList<string> Dependencies);
