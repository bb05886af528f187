namespace EcrPublish.SupplyChain;

/// <summary>The media types (and OCI artifact types) of the documents this folder writes.</summary>
public static class SupplyChainMediaTypes
{
    /// <summary>SPDX 2.3 JSON.</summary>
    public const string SpdxJson = "application/spdx+json";

    /// <summary>CycloneDX 1.6 JSON.</summary>
    public const string CycloneDxJson = "application/vnd.cyclonedx+json";

    /// <summary>An in-toto Statement (the SLSA provenance), as an unsigned JSON document.</summary>
    public const string InTotoJson = "application/vnd.in-toto+json";
}
