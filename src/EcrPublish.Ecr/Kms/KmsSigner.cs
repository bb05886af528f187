using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using EcrPublish.Signing;

namespace EcrPublish.Kms;

/// <summary>
/// Signs with a KMS key (made by <see cref="KmsSigningKey.OpenAsync"/>): the JWS signing input goes to KMS Sign (MessageType
/// RAW up to 4096 bytes, else its digest with DIGEST), the private key stays in KMS; KMS's DER ECDSA signature becomes
/// JWS's r||s, and every signature is checked against the certificate before it is handed out. Owns and disposes the client.
/// </summary>
public sealed class KmsSigner : ISignatureSigner, IDisposable
{
    /// <summary>The longest message KMS Sign takes as it is (MessageType RAW).</summary>
    public const int MaxRawMessageBytes = 4096;

    private readonly IAmazonKeyManagementService _client;
    private readonly string _keyId;
    private readonly string _where;
    private readonly KmsSigningAlgorithm _algorithm;

    internal KmsSigner(IAmazonKeyManagementService client, string keyId, string where, KmsSigningAlgorithm algorithm, IReadOnlyList<X509Certificate2> certificateChain)
    {
        _client = client;
        _keyId = keyId;
        _where = where;
        _algorithm = algorithm;
        CertificateChain = certificateChain;
    }

    public NotationAlgorithm Algorithm => _algorithm.Notation;

    public IReadOnlyList<X509Certificate2> CertificateChain { get; }

    /// <summary>The KMS key this signer signs with (alias, key id or ARN, as given).</summary>
    public string KeyId => _keyId;

    public async Task<byte[]> SignAsync(byte[] signingInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signingInput);
        SignResponse response;
        try
        {
            var (content, type) = MessageOf(signingInput);
            using var message = new MemoryStream(content);
            response = await _client.SignAsync(new SignRequest
            {
                KeyId = _keyId,
                Message = message,
                MessageType = type,
                SigningAlgorithm = _algorithm.KmsAlgorithm,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (KmsFailure.IsKmsFailure(error, cancellationToken))
        {
            throw KmsFailure.From(error, _keyId, "kms:Sign", _where);
        }

        var returned = response.Signature.ToArray();
        byte[] signature;
        try
        {
            signature = Algorithm.IsEcdsa ? EcdsaSignatureFormat.DerToP1363(returned, EcdsaSignatureFormat.FieldSizeOf(Algorithm)) : returned;
        }
        catch (CryptographicException error)
        {
            throw Invalid(error.Message, error);
        }

        // A signature that does not verify would be attached and fail every verifier; better to stop here.
        return Algorithm.Verify(CertificateChain[0].PublicKey, signingInput, signature)
            ? signature
            : throw Invalid($"the {_algorithm.KmsAlgorithm.Value} signature does not verify with the public key of {CertificateChain[0].Subject}", null);
    }

    public void Dispose() => _client.Dispose();

    // KMS hashes a message of up to 4096 bytes itself (RAW); a Notation signing input (one descriptor and the signing
    // time) is far smaller. RAW rather than always DIGEST because moto 5.2, the KMS the tests run against, ignores
    // MessageType and hashes a digest again, so only RAW can be checked by an independent verifier here; a longer input
    // goes as its digest, which AWS KMS signs to the same signature.
    private (byte[] Content, MessageType Type) MessageOf(byte[] signingInput)
    {
        if (signingInput.Length <= MaxRawMessageBytes)
        {
            return (signingInput, MessageType.RAW);
        }

        return (Algorithm.Hash.Name switch
        {
            "SHA256" => SHA256.HashData(signingInput),
            "SHA384" => SHA384.HashData(signingInput),
            "SHA512" => SHA512.HashData(signingInput),
            _ => throw new InvalidOperationException($"unreachable: {Algorithm.Name} hashes with {Algorithm.Hash.Name}"),
        }, MessageType.DIGEST);
    }

    private SigningException Invalid(string what, Exception? error) => new(SigningErrorCodes.KmsSignatureInvalid,
        $"KMS ({_where}) signed with {_keyId}, but {what}. Nothing was attached. Check that the endpoint is AWS KMS (AWS_ENDPOINT_URL_KMS) and that EcrSigningCertificate is the key's.", error);
}
