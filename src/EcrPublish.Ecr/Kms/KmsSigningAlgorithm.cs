using Amazon.KeyManagementService;
using EcrPublish.Signing;

namespace EcrPublish.Kms;

/// <summary>
/// The KMS signing algorithm that makes a Notation JWS algorithm's signature, chosen by the key spec as Notation chooses
/// by key: ECC_NIST_P256/P384/P521 → ES256/ES384/ES512 (ECDSA_SHA_256/384/512), RSA_2048/3072/4096 → PS256/PS384/PS512
/// (RSASSA_PSS_SHA_256/384/512, whose salt is the hash length, as JWS wants).
/// </summary>
/// <param name="Notation">The JWS algorithm of the envelope.</param>
/// <param name="KmsAlgorithm">The <c>SigningAlgorithm</c> KMS signs with.</param>
public sealed record KmsSigningAlgorithm(NotationAlgorithm Notation, SigningAlgorithmSpec KmsAlgorithm)
{
    /// <summary>The key specs Notation can sign with, for messages.</summary>
    public const string SupportedSpecs = "ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, RSA_2048, RSA_3072 or RSA_4096";

    /// <summary>The algorithm of a KMS key spec, or null when Notation has none for it (symmetric, HMAC, secp256k1, SM2, ML-DSA).</summary>
    public static KmsSigningAlgorithm? For(string? keySpec) => keySpec switch
    {
        "ECC_NIST_P256" => new(NotationAlgorithm.ForEcdsaCurve(256)!, SigningAlgorithmSpec.ECDSA_SHA_256),
        "ECC_NIST_P384" => new(NotationAlgorithm.ForEcdsaCurve(384)!, SigningAlgorithmSpec.ECDSA_SHA_384),
        "ECC_NIST_P521" => new(NotationAlgorithm.ForEcdsaCurve(521)!, SigningAlgorithmSpec.ECDSA_SHA_512),
        "RSA_2048" => new(NotationAlgorithm.ForRsa(2048)!, SigningAlgorithmSpec.RSASSA_PSS_SHA_256),
        "RSA_3072" => new(NotationAlgorithm.ForRsa(3072)!, SigningAlgorithmSpec.RSASSA_PSS_SHA_384),
        "RSA_4096" => new(NotationAlgorithm.ForRsa(4096)!, SigningAlgorithmSpec.RSASSA_PSS_SHA_512),
        _ => null,
    };
}
