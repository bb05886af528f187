using EcrPublish.Kms;
using EcrPublish.Signing;

namespace EcrPublish.Publishing.Signing;

/// <summary>
/// Opens the key <see cref="SigningSettings"/> names: a PEM file (read again: validation does not keep key material), or
/// an AWS KMS key through <paramref name="kms"/>'s credentials, region and endpoint (GetPublicKey, matched with the certificate).
/// </summary>
/// <param name="time">The clock of a self-signed certificate's validity.</param>
/// <param name="kms">How to reach KMS: the publish's profile, region, FIPS choice and credentials; asked for only when the key is a KMS key.</param>
public sealed class SigningKeyOpener(TimeProvider time, Func<KmsClientOptions> kms)
{
    /// <summary>An opener that reaches KMS with <paramref name="kms"/>.</summary>
    public SigningKeyOpener(TimeProvider time, KmsClientOptions kms)
        : this(time, () => kms)
    {
    }

    /// <summary>A signer of the key; dispose it when it implements <see cref="IDisposable"/>.</summary>
    public async Task<ISignatureSigner> OpenAsync(SigningSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.KeyFile is { } keyFile)
        {
            return PemSigningKey.Load(keyFile, settings.CertificateFile, time.GetUtcNow());
        }

        var key = settings.KmsKey ?? throw new InvalidOperationException("unreachable: validation names a key file or a KMS key");
        var certificate = settings.CertificateFile ?? throw new InvalidOperationException("unreachable: validation requires a certificate with a KMS key (ECR8106)");
        return await KmsSigningKey.OpenAsync(key.KeyId, SigningCertificateChain.Read(certificate), kms(), cancellationToken).ConfigureAwait(false);
    }
}
