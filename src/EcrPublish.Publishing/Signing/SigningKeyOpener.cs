using EcrPublish.Publishing;

namespace EcrPublish.Signing;

/// <summary>Opens the key <see cref="SigningSettings"/> names: a PEM file (read again: validation does not keep key material) or a KMS key.</summary>
/// <param name="time">The clock of a self-signed certificate's validity.</param>
public sealed class SigningKeyOpener(TimeProvider time)
{
    /// <summary>A signer of the key; dispose it when it implements <see cref="IDisposable"/>.</summary>
    public Task<ISignatureSigner> OpenAsync(SigningSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.KeyFile is { } keyFile
            ? Task.FromResult<ISignatureSigner>(PemSigningKey.Load(keyFile, settings.CertificateFile, time.GetUtcNow()))
            : throw new SigningException(SigningErrorCodes.KmsFailed, $"Signing with the KMS key {settings.KmsKey?.KeyId} is not available in this build.");
    }
}
