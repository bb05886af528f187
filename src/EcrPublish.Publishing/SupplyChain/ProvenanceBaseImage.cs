namespace EcrPublish.SupplyChain;

/// <summary>A base image one platform was built on, as a resolved dependency.</summary>
/// <param name="Reference">The reference the project names, e.g. <c>mcr.microsoft.com/dotnet/aspnet:8.0</c>.</param>
/// <param name="ManifestDigest">The digest that was used.</param>
/// <param name="Architecture">The platform's architecture (multi-arch publishes resolve one base per platform).</param>
public sealed record ProvenanceBaseImage(string Reference, string ManifestDigest, string Architecture);
