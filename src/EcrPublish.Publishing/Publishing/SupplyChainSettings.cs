namespace EcrPublish.Publishing;

/// <summary>What a publish attaches to the pushed image as OCI referrers (docs/supply-chain.md).</summary>
/// <param name="Sbom"><c>EcrSbom</c>: one SBOM per platform image.</param>
/// <param name="SbomFormat"><c>EcrSbomFormat</c>.</param>
/// <param name="Provenance"><c>EcrProvenance</c>: an in-toto SLSA provenance statement on the pushed image.</param>
public sealed record SupplyChainSettings(bool Sbom = true, SbomFormat SbomFormat = SbomFormat.Spdx, bool Provenance = true)
{
    /// <summary><c>EcrSign</c> with its key and certificate; null when the image is not signed.</summary>
    public SigningSettings? Signing { get; init; }

    /// <summary>Nothing attached.</summary>
    public static SupplyChainSettings None { get; } = new(Sbom: false, Provenance: false);
}
