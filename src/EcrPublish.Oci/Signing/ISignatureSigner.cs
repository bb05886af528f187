using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.Signing;

/// <summary>
/// Signs bytes with one key for a Notation JWS envelope: a key in memory (<see cref="LocalKeySigner"/>) or one that
/// never leaves its service (AWS KMS).
/// </summary>
public interface ISignatureSigner
{
    /// <summary>The JWS algorithm the signature is made with (<see cref="NotationAlgorithm"/>).</summary>
    NotationAlgorithm Algorithm { get; }

    /// <summary>The certificate chain, leaf first; the leaf's public key verifies the signatures.</summary>
    IReadOnlyList<X509Certificate2> CertificateChain { get; }

    /// <summary>The JWS signature of <paramref name="signingInput"/> (ES*: raw r||s; PS*: RSASSA-PSS, salt = hash length).</summary>
    Task<byte[]> SignAsync(byte[] signingInput, CancellationToken cancellationToken);
}
