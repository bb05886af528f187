using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.Signing;

namespace EcrPublish.LocalEcr.Signing;

/// <summary>
/// The key LocalEcr signs images with (managed signing): an ECDSA P-256 key and a self-signed code-signing certificate
/// for it, made when the registry first signs and kept in <c>&lt;data&gt;/signing-key.pem</c> (mode 0600), so
/// signatures made before a restart verify with the same certificate after it.
/// </summary>
internal sealed class SigningKey
{
    private const string FileName = "signing-key.pem";

    private SigningKey(ECDsa key, X509Certificate2 certificate)
    {
        Key = key;
        Certificate = certificate;
        Signer = new LocalKeySigner(key, [certificate]);
    }

    public ECDsa Key { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>Signs with <see cref="Key"/>, <see cref="Certificate"/> as the chain.</summary>
    public LocalKeySigner Signer { get; }

    public static SigningKey LoadOrCreate(string dataDirectory, string accountId)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            try
            {
                var pem = File.ReadAllText(path);
                var key = ECDsa.Create();
                key.ImportFromPem(pem);
                return new SigningKey(key, X509Certificate2.CreateFromPem(pem));
            }
            catch (Exception error) when (error is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                throw new LocalEcrException("ECR5060", $"The signing key file '{path}' cannot be read ({error.Message}). It was not written by LocalEcr; move it out of the data directory and LocalEcr makes a new key.", error);
            }
        }

        var created = Create(accountId);
        Write(path, created.Key.ExportPkcs8PrivateKeyPem() + "\n" + created.Certificate.ExportCertificatePem() + "\n");
        return created;
    }

    private static SigningKey Create(string accountId)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        return new SigningKey(key, SelfSignedSigningCertificate.Create(key, $"CN=LocalEcr managed signing, O={accountId}", now, now.AddYears(10) - now));
    }

    private static void Write(string path, string pem)
    {
        var temporary = AtomicFile.TemporaryPathFor(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
    }
}
