using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.Signing;

/// <summary>
/// A JWS algorithm Notation accepts, chosen by the key as Notation does: ECDSA P-256/P-384/P-521 → ES256/ES384/ES512,
/// RSA 2048/3072/4096 → PS256/PS384/PS512 (signature-specification.md, "Algorithm Selection").
/// </summary>
/// <param name="Name">The JWS <c>alg</c>, e.g. <c>ES256</c>.</param>
/// <param name="Hash">The digest the algorithm signs with.</param>
/// <param name="IsEcdsa">ECDSA (true) or RSASSA-PSS (false).</param>
public sealed record NotationAlgorithm(string Name, HashAlgorithmName Hash, bool IsEcdsa)
{
    /// <summary>The algorithm of an ECDSA key's curve (P-256, P-384, P-521), or null when Notation has none for it.</summary>
    public static NotationAlgorithm? ForEcdsa(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var oid = key.ExportParameters(includePrivateParameters: false).Curve.Oid;
        return ForEcdsaCurve((oid.Value, oid.FriendlyName) switch
        {
            ("1.2.840.10045.3.1.7", _) or (null, "nistP256" or "ECDSA_P256") => 256,
            ("1.3.132.0.34", _) or (null, "nistP384" or "ECDSA_P384") => 384,
            ("1.3.132.0.35", _) or (null, "nistP521" or "ECDSA_P521") => 521,
            _ => 0,
        });
    }

    /// <summary>The algorithm of a NIST curve by its size in bits (256, 384, 521), or null when Notation has none for it.</summary>
    public static NotationAlgorithm? ForEcdsaCurve(int curveBits) => curveBits switch
    {
        256 => new("ES256", HashAlgorithmName.SHA256, true),
        384 => new("ES384", HashAlgorithmName.SHA384, true),
        521 => new("ES512", HashAlgorithmName.SHA512, true),
        _ => null,
    };

    /// <summary>The algorithm of an RSA key size, or null when Notation has none for it.</summary>
    public static NotationAlgorithm? ForRsa(int keySize) => keySize switch
    {
        2048 => new("PS256", HashAlgorithmName.SHA256, false),
        3072 => new("PS384", HashAlgorithmName.SHA384, false),
        4096 => new("PS512", HashAlgorithmName.SHA512, false),
        _ => null,
    };

    /// <summary>The algorithm of <paramref name="key"/>'s public key, or null when it is neither a Notation ECDSA curve nor RSA size.</summary>
    public static NotationAlgorithm? For(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var ecdsa = key.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            return ForEcdsa(ecdsa);
        }

        using var rsa = key.GetRSAPublicKey();
        return rsa is null ? null : ForRsa(rsa.KeySize);
    }

    /// <summary>Whether <paramref name="signature"/> is this algorithm's signature of <paramref name="data"/> by <paramref name="key"/>.</summary>
    public bool Verify(PublicKey key, byte[] data, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsEcdsa)
        {
            using var ecdsa = key.GetECDsaPublicKey();
            return ecdsa is not null && ecdsa.VerifyData(data, signature, Hash);
        }

        using var rsa = key.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(data, signature, Hash, RSASignaturePadding.Pss);
    }
}
