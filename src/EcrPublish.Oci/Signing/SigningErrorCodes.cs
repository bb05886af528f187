namespace EcrPublish.Signing;

/// <summary>Stable codes of image signing (ECR81xx). docs/errors/supply-chain.md explains each.</summary>
public static class SigningErrorCodes
{
    /// <summary><c>EcrSign</c> is true but <c>EcrSigningKey</c> names no key.</summary>
    public const string KeyRequired = "ECR8100";

    /// <summary>The key file cannot be read.</summary>
    public const string KeyFileUnreadable = "ECR8101";

    /// <summary>The key file holds no private key Notation can sign with (ECDSA P-256/384/521 or RSA 2048/3072/4096).</summary>
    public const string KeyUnsupported = "ECR8102";

    /// <summary>The certificate file cannot be read or holds no PEM certificate.</summary>
    public const string CertificateUnreadable = "ECR8103";

    /// <summary>The leaf certificate's public key is not the signing key's.</summary>
    public const string CertificateKeyMismatch = "ECR8104";

    /// <summary><c>awskms:///…</c> names no alias or key ARN.</summary>
    public const string KmsKeyIdInvalid = "ECR8105";

    /// <summary>A KMS key needs <c>EcrSigningCertificate</c>: KMS keeps no certificate.</summary>
    public const string KmsCertificateRequired = "ECR8106";

    /// <summary>KMS refused or failed to give the public key or a signature.</summary>
    public const string KmsFailed = "ECR8107";

    /// <summary>The KMS key is not an asymmetric signing key Notation can use.</summary>
    public const string KmsKeyUnsupported = "ECR8108";

    /// <summary>Warning: a PEM key without <c>EcrSigningCertificate</c> signs with a self-signed leaf verifiers must trust explicitly.</summary>
    public const string SelfSignedCertificate = "ECR8109";

    /// <summary>This build cannot sign with a KMS key yet (the key name and certificate were valid).</summary>
    public const string KmsNotAvailable = "ECR8110";
}
