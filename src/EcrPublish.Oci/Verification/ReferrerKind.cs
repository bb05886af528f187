namespace EcrPublish.Verification;

/// <summary>The kinds of referrer <c>dotnet ecr verify</c> checks, by artifact type.</summary>
public enum ReferrerKind
{
    /// <summary>Another artifact type: listed, not checked.</summary>
    Other,

    /// <summary>An SPDX or CycloneDX JSON SBOM.</summary>
    Sbom,

    /// <summary>An in-toto statement (SLSA provenance).</summary>
    Provenance,

    /// <summary>A Notation signature.</summary>
    Signature,
}
