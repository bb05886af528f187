namespace EcrPublish.SupplyChain;

/// <summary>The SBOM formats EcrPublish writes, behind one entry point: the same inputs always give the same bytes.</summary>
public static class SbomDocumentWriter
{
    /// <summary>SPDX 2.3 JSON (<see cref="SupplyChainMediaTypes.SpdxJson"/>).</summary>
    public static byte[] WriteSpdx(SbomInputs inputs) => SpdxDocumentWriter.Write(inputs);

    /// <summary>CycloneDX 1.6 JSON (<see cref="SupplyChainMediaTypes.CycloneDxJson"/>).</summary>
    public static byte[] WriteCycloneDx(SbomInputs inputs) => CycloneDxDocumentWriter.Write(inputs);
}
