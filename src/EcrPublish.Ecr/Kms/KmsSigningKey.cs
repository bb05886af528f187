using System.Security.Cryptography.X509Certificates;
using Amazon.KeyManagementService.Model;
using EcrPublish.Signing;

namespace EcrPublish.Kms;

/// <summary>
/// Opens an AWS KMS asymmetric key for Notation signing (<c>EcrSigningKey=awskms:///…</c>): DescribeKey tells whether it is
/// enabled, GetPublicKey its usage and spec and the public key, which must be the leaf of <c>EcrSigningCertificate</c>.
/// The private key never leaves KMS; only <c>kms:DescribeKey</c>, <c>kms:GetPublicKey</c> and <c>kms:Sign</c> are called.
/// </summary>
public static class KmsSigningKey
{
    /// <summary>A signer of the key, checked against <paramref name="certificateChain"/> (leaf first); dispose it.</summary>
    /// <param name="keyId">What KMS's <c>KeyId</c> takes: <c>alias/name</c>, a key id, or a key or alias ARN.</param>
    /// <param name="certificateChain">The key's certificate chain from <c>EcrSigningCertificate</c>.</param>
    /// <param name="options">Credentials, region and endpoint.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public static async Task<KmsSigner> OpenAsync(string keyId, IReadOnlyList<X509Certificate2> certificateChain, KmsClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(certificateChain);
        ArgumentNullException.ThrowIfNull(options);
        var (client, where) = KmsClientFactory.Create(keyId, options);
        try
        {
            KeyMetadata metadata;
            try
            {
                metadata = (await client.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyId }, cancellationToken).ConfigureAwait(false)).KeyMetadata;
            }
            catch (Exception error) when (KmsFailure.IsKmsFailure(error, cancellationToken))
            {
                throw KmsFailure.From(error, keyId, "kms:DescribeKey", where);
            }

            // GetPublicKey answers for a disabled key too; only Sign would fail, after the push.
            if (metadata.KeyState?.Value is { } state && state != "Enabled")
            {
                throw new SigningException(SigningErrorCodes.KmsKeyNotEnabled,
                    $"The KMS key {keyId} ({where}) is {state}, so it cannot sign. Enable it (aws kms enable-key) or cancel its deletion (aws kms cancel-key-deletion), or name another key.");
            }

            GetPublicKeyResponse key;
            try
            {
                key = await client.GetPublicKeyAsync(new GetPublicKeyRequest { KeyId = keyId }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (KmsFailure.IsKmsFailure(error, cancellationToken))
            {
                throw KmsFailure.From(error, keyId, "kms:GetPublicKey", where);
            }

            if (key.KeyUsage?.Value != "SIGN_VERIFY")
            {
                throw new SigningException(SigningErrorCodes.KmsKeyUnsupported,
                    $"The KMS key {keyId} ({where}) has key usage {key.KeyUsage?.Value ?? "(none)"}, not SIGN_VERIFY: it cannot sign. Create a signing key: aws kms create-key --key-usage SIGN_VERIFY --key-spec ECC_NIST_P256.");
            }

            var algorithm = KmsSigningAlgorithm.For(SpecOf(key)) ?? throw new SigningException(SigningErrorCodes.KmsKeyUnsupported,
                $"The KMS key {keyId} ({where}) is a {SpecOf(key) ?? "(unknown)"} key; Notation signs with {KmsSigningAlgorithm.SupportedSpecs}. Create one: aws kms create-key --key-usage SIGN_VERIFY --key-spec ECC_NIST_P256.");
            if (key.SigningAlgorithms is { Count: > 0 } offered && !offered.Contains(algorithm.KmsAlgorithm.Value))
            {
                throw new SigningException(SigningErrorCodes.KmsKeyUnsupported,
                    $"The KMS key {keyId} ({where}) does not offer {algorithm.KmsAlgorithm.Value} (it offers {string.Join(", ", offered)}), which {algorithm.Notation.Name} needs.");
            }

            SigningCertificateChain.RequireLeafOf(certificateChain, key.PublicKey.ToArray(), $"KMS key {keyId}");
            return new KmsSigner(client, keyId, where, algorithm, certificateChain);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    // KeySpec replaced CustomerMasterKeySpec (same values); KMS still returns both, some emulators (moto 5.2) only the old one.
#pragma warning disable CS0618 // the deprecated field, read on purpose when KeySpec is missing
    private static string? SpecOf(GetPublicKeyResponse key) => key.KeySpec?.Value ?? key.CustomerMasterKeySpec?.Value;
#pragma warning restore CS0618
}
