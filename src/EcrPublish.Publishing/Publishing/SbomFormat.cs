namespace EcrPublish.Publishing;

/// <summary>The SBOM documents a publish attaches (<c>EcrSbomFormat</c>).</summary>
public enum SbomFormat
{
    /// <summary>SPDX 2.3 JSON.</summary>
    Spdx,

    /// <summary>CycloneDX 1.6 JSON.</summary>
    CycloneDx,

    /// <summary>Both documents, SPDX first.</summary>
    Both,
}
