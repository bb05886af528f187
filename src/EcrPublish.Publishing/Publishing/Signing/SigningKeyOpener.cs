using EcrPublish.Signing;

namespace EcrPublish.Publishing.Signing;

/// <summary>Opens the key <see cref="SigningSettings"/> names: a PEM file (read again: validation does not keep key material) (KMS keys: not yet, ECR8110).</summary>
/// <param name="time">The clock of a self-signed certificate's validity.</param>
public sealed class SigningKeyOpener(TimeProvider time)
{
    /// <summary>A signer of the key; dispose it when it implements <see cref="IDisposable"/>.</summary>
    public Task<ISignatureSigner> OpenAsync(SigningSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.KeyFile is { } keyFile
            ? Task.FromResult<ISignatureSigner>(PemSigningKey.Load(keyFile, settings.CertificateFile, time.GetUtcNow()))
            : throw new SigningException(SigningErrorCodes.KmsNotAvailable, $"EcrPublish cannot sign with the KMS key {settings.KmsKey?.KeyId} yet; sign with a PEM key file.");
    }
}
