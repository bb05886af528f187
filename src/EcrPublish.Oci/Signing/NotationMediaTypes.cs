namespace EcrPublish.Signing;

/// <summary>
/// The names a Notary Project (Notation) signature uses (https://github.com/notaryproject/specifications,
/// signature-specification.md and signature-envelope-jws.md); docs/supply-chain.md lists where each goes.
/// </summary>
public static class NotationMediaTypes
{
    /// <summary>The <c>artifactType</c> of a signature manifest.</summary>
    public const string SignatureArtifactType = "application/vnd.cncf.notary.signature";

    /// <summary>The media type of the JWS envelope, the signature manifest's one layer.</summary>
    public const string JwsEnvelope = "application/jose+json";

    /// <summary>The <c>cty</c> of the signed payload (<c>{"targetArtifact": descriptor}</c>).</summary>
    public const string Payload = "application/vnd.cncf.notary.payload.v1+json";

    /// <summary>The protected header that names the signing scheme; listed in <c>crit</c>.</summary>
    public const string SigningSchemeHeader = "io.cncf.notary.signingScheme";

    /// <summary>The X.509 signing scheme: the certificate chain in <c>x5c</c>, the time claimed by the signer.</summary>
    public const string X509Scheme = "notary.x509";

    /// <summary>The protected header with the time the signer claims (RFC 3339, seconds, UTC).</summary>
    public const string SigningTimeHeader = "io.cncf.notary.signingTime";

    /// <summary>The unprotected header naming the program that signed.</summary>
    public const string SigningAgentHeader = "io.cncf.notary.signingAgent";

    /// <summary>The manifest annotation with the SHA-256 thumbprints of the chain in <c>x5c</c>, a JSON array of hex strings, leaf first.</summary>
    public const string ThumbprintAnnotation = "io.cncf.notary.x509chain.thumbprint#S256";

    /// <summary>The manifest annotation with the signing time.</summary>
    public const string CreatedAnnotation = "org.opencontainers.image.created";
}
