using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.Signing;

/// <summary>Reads the PEM certificate chain of a signing key (<c>EcrSigningCertificate</c>) and checks it belongs to the key.</summary>
public static class SigningCertificateChain
{
    /// <summary>The certificates of <paramref name="path"/> in file order (leaf first).</summary>
    public static IReadOnlyList<X509Certificate2> Read(string path)
    {
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPemFile(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new SigningException(SigningErrorCodes.CertificateUnreadable,
                $"EcrSigningCertificate '{path}' cannot be read as PEM certificates ({error.Message}). Name a file with the leaf certificate of the signing key first, then its intermediates (-----BEGIN CERTIFICATE-----).", error);
        }

        if (chain.Count == 0)
        {
            throw new SigningException(SigningErrorCodes.CertificateUnreadable,
                $"EcrSigningCertificate '{path}' holds no PEM certificate. Name a file with the leaf certificate of the signing key first, then its intermediates (-----BEGIN CERTIFICATE-----).");
        }

        return [.. chain];
    }

    /// <summary>Throws <see cref="SigningErrorCodes.CertificateKeyMismatch"/> unless the leaf of <paramref name="chain"/> holds <paramref name="publicKeyInfo"/> (DER SubjectPublicKeyInfo).</summary>
    public static void RequireLeafOf(IReadOnlyList<X509Certificate2> chain, byte[] publicKeyInfo, string keyName)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (!chain[0].PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(publicKeyInfo))
        {
            throw new SigningException(SigningErrorCodes.CertificateKeyMismatch,
                $"The first certificate of EcrSigningCertificate ({chain[0].Subject}) is not the certificate of the signing key {keyName}: its public key differs. Put the signing key's own certificate first in the file, or name the matching key.");
        }
    }
}
