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

    /// <summary>KMS failed to give the public key or a signature for another reason than the codes below (endpoint unreachable, an unexpected KMS error).</summary>
    public const string KmsFailed = "ECR8107";

    /// <summary>The KMS key is not an asymmetric signing key Notation can use.</summary>
    public const string KmsKeyUnsupported = "ECR8108";

    /// <summary>Warning: a PEM key without <c>EcrSigningCertificate</c> signs with a self-signed leaf verifiers must trust explicitly.</summary>
    public const string SelfSignedCertificate = "ECR8109";

    /// <summary>KMS refused the caller <c>kms:GetPublicKey</c> or <c>kms:Sign</c> on the key (AccessDeniedException).</summary>
    public const string KmsAccessDenied = "ECR8110";

    /// <summary>KMS has no such key or alias in the region (and account) it was asked in (NotFoundException).</summary>
    public const string KmsKeyNotFound = "ECR8111";

    /// <summary>The KMS key is disabled, pending deletion or otherwise not usable now (DisabledException, KMSInvalidStateException).</summary>
    public const string KmsKeyNotEnabled = "ECR8112";

    /// <summary>KMS answered with a signature that does not verify with the certificate's public key (nothing is attached).</summary>
    public const string KmsSignatureInvalid = "ECR8113";
}
