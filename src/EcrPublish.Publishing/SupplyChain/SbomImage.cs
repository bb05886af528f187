namespace EcrPublish.SupplyChain;

/// <summary>The platform image an SBOM describes (one SBOM per platform image of a multi-arch publish).</summary>
/// <param name="Repository">The repository without registry, e.g. <c>team/helloapi</c>.</param>
/// <param name="ManifestDigest">The image manifest's <c>sha256:…</c> digest (the referrer subject).</param>
/// <param name="ConfigDigest">The image config's digest; the document's UUIDs derive from it.</param>
/// <param name="Os">The platform's operating system, e.g. <c>linux</c>.</param>
/// <param name="Architecture">The platform's architecture, e.g. <c>amd64</c>.</param>
public sealed record SbomImage(string Repository, string ManifestDigest, string ConfigDigest, string Os, string Architecture);
