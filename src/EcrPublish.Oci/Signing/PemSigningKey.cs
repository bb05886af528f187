using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcrPublish.Signing;

/// <summary>
/// Loads <c>EcrSigningKey</c> when it is a PEM private key file: ECDSA (SEC1 <c>EC PRIVATE KEY</c> or PKCS#8) or RSA
/// (PKCS#1 <c>RSA PRIVATE KEY</c> or PKCS#8), with its chain from <c>EcrSigningCertificate</c>, else a self-signed leaf.
/// Messages name the file, never its content.
/// </summary>
public static class PemSigningKey
{
    /// <summary>How long a self-signed leaf made for a key without certificate is valid.</summary>
    public static readonly TimeSpan SelfSignedValidity = TimeSpan.FromDays(365);

    /// <summary>A signer of the key in <paramref name="keyPath"/>; the certificate chain from <paramref name="certificatePath"/>, or self-signed when null.</summary>
    public static LocalKeySigner Load(string keyPath, string? certificatePath, DateTimeOffset now)
    {
        var key = ReadKey(keyPath);
        try
        {
            IReadOnlyList<X509Certificate2> chain;
            if (certificatePath is null)
            {
                chain = [SelfSignedSigningCertificate.Create(key, "CN=EcrPublish signing key", now, SelfSignedValidity)];
            }
            else
            {
                chain = SigningCertificateChain.Read(certificatePath);
                SigningCertificateChain.RequireLeafOf(chain, key.ExportSubjectPublicKeyInfo(), $"'{keyPath}'");
            }

            return new LocalKeySigner(key, chain);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static AsymmetricAlgorithm ReadKey(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SigningException(SigningErrorCodes.KeyFileUnreadable,
                $"EcrSigningKey '{path}' cannot be read ({error.GetType().Name}: {error.Message}). Name a PEM private key file, or awskms:///alias/<name> for a KMS key.", error);
        }

        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            var base64 = rest.Span[fields.Base64Data].ToString();
            rest = rest[fields.Location.End..];
            if (label == "ENCRYPTED PRIVATE KEY")
            {
                throw Unsupported(path, "is encrypted; EcrPublish reads unencrypted keys only (keep the file readable by you alone, or use a KMS key)");
            }

            if (label is not ("PRIVATE KEY" or "EC PRIVATE KEY" or "RSA PRIVATE KEY"))
            {
                continue;
            }

            AsymmetricAlgorithm key;
            try
            {
                key = Decode(label, Convert.FromBase64String(base64))
                    ?? throw Unsupported(path, "is a PKCS#8 key that is neither EC nor RSA");
            }
            catch (Exception error) when (error is CryptographicException or FormatException)
            {
                throw Unsupported(path, $"has a {label} block that cannot be decoded ({error.Message})");
            }

            var algorithm = key switch
            {
                ECDsa ecdsa => NotationAlgorithm.ForEcdsa(ecdsa),
                RSA rsa => NotationAlgorithm.ForRsa(rsa.KeySize),
                _ => null,
            };
            if (algorithm is null)
            {
                var size = key.KeySize;
                var kind = key is RSA ? "RSA" : "EC";
                key.Dispose();
                throw Unsupported(path, $"is a {size}-bit {kind} key; Notation signs with ECDSA P-256, P-384 or P-521, or RSA 2048, 3072 or 4096");
            }

            return key;
        }

        throw Unsupported(path, "holds no PEM private key (-----BEGIN PRIVATE KEY-----, EC PRIVATE KEY or RSA PRIVATE KEY)");
    }

    // PKCS#8 names the algorithm inside; the BCL finds it by trying each.
    private static AsymmetricAlgorithm? Decode(string label, byte[] der)
    {
        var candidates = label switch
        {
            "EC PRIVATE KEY" => new Func<AsymmetricAlgorithm>[] { () => FromDer(ECDsa.Create(), key => key.ImportECPrivateKey(der, out _)) },
            "RSA PRIVATE KEY" => [() => FromDer(RSA.Create(), key => key.ImportRSAPrivateKey(der, out _))],
            _ => [() => FromDer(ECDsa.Create(), key => key.ImportPkcs8PrivateKey(der, out _)), () => FromDer(RSA.Create(), key => key.ImportPkcs8PrivateKey(der, out _))],
        };
        CryptographicException? last = null;
        foreach (var candidate in candidates)
        {
            try
            {
                return candidate();
            }
            catch (CryptographicException error)
            {
                last = error;
            }
        }

        return label == "PRIVATE KEY" ? null : throw last!;
    }

    private static T FromDer<T>(T key, Action<T> import) where T : AsymmetricAlgorithm
    {
        try
        {
            import(key);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw;
        }
    }

    private static SigningException Unsupported(string path, string what) => new(SigningErrorCodes.KeyUnsupported,
        $"EcrSigningKey '{path}' {what}. Make one with 'openssl ecparam -name prime256v1 -genkey -noout -out key.pem' or 'openssl genrsa -out key.pem 3072'.");
}
