using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.Signing;

/// <summary>
/// What a signature must verify with: a public key (PEM <c>PUBLIC KEY</c>, ECDSA or RSA), or trusted certificates
/// (PEM <c>CERTIFICATE</c>s: a root or intermediate CA, or the signing certificate itself) that the envelope's
/// <c>x5c</c> chain must build to.
/// </summary>
public sealed class SignatureTrust : IDisposable
{
    private SignatureTrust(AsymmetricAlgorithm? publicKey, X509Certificate2Collection? certificates)
    {
        PublicKey = publicKey;
        Certificates = certificates;
    }

    /// <summary>The key given, or null when certificates are.</summary>
    public AsymmetricAlgorithm? PublicKey { get; }

    /// <summary>The trusted certificates, or null when a key is given.</summary>
    public X509Certificate2Collection? Certificates { get; }

    /// <summary>A trust in one public key.</summary>
    /// <exception cref="FormatException">The text holds no ECDSA or RSA public key (or certificate, whose key is taken).</exception>
    public static SignatureTrust FromPublicKeyPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new FormatException("it holds a private key; give the public key only (openssl pkey -in key.pem -pubout)");
        }

        foreach (var create in new Func<AsymmetricAlgorithm>[] { ECDsa.Create, RSA.Create })
        {
            var key = create();
            try
            {
                key.ImportFromPem(pem);
                return new SignatureTrust(key, null);
            }
            catch (Exception error) when (error is ArgumentException or CryptographicException)
            {
                key.Dispose();
            }
        }

        throw new FormatException("it holds no ECDSA or RSA public key in PEM ('-----BEGIN PUBLIC KEY-----')");
    }

    /// <summary>A trust in the key whose DER SubjectPublicKeyInfo is <paramref name="publicKeyInfo"/> (ECDSA or RSA).</summary>
    /// <exception cref="FormatException">The bytes are not an ECDSA or RSA SubjectPublicKeyInfo.</exception>
    public static SignatureTrust FromSubjectPublicKeyInfo(byte[] publicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(publicKeyInfo);
        foreach (var create in new Func<AsymmetricAlgorithm>[] { ECDsa.Create, RSA.Create })
        {
            var key = create();
            try
            {
                key.ImportSubjectPublicKeyInfo(publicKeyInfo, out _);
                return new SignatureTrust(key, null);
            }
            catch (CryptographicException)
            {
                key.Dispose();
            }
        }

        throw new FormatException("the bytes are not an ECDSA or RSA SubjectPublicKeyInfo");
    }

    /// <summary>A trust in one or more certificates.</summary>
    /// <exception cref="FormatException">The text holds no PEM certificate.</exception>
    public static SignatureTrust FromCertificatePem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException error)
        {
            throw new FormatException($"a certificate in it cannot be read ({error.Message})", error);
        }

        return certificates.Count > 0
            ? new SignatureTrust(null, certificates)
            : throw new FormatException("it holds no PEM certificate ('-----BEGIN CERTIFICATE-----')");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        PublicKey?.Dispose();
        foreach (var certificate in Certificates ?? [])
        {
            certificate.Dispose();
        }
    }
}
