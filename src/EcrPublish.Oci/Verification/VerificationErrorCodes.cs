namespace EcrPublish.Verification;

/// <summary>Stable codes of what <c>dotnet ecr verify</c> finds wrong with an image's referrers (ECR8140–ECR8148). docs/errors/supply-chain.md explains each.</summary>
public static class VerificationErrorCodes
{
    /// <summary>A signature envelope is not a Notation JWS envelope this verifier accepts (JSON, cty, crit, alg, x5c).</summary>
    public const string EnvelopeInvalid = "ECR8140";

    /// <summary>A signature's payload names another artifact than the image it is attached to (digest, size or media type).</summary>
    public const string SignedTargetMismatch = "ECR8141";

    /// <summary>A signature does not verify with the given key or the certificate's key.</summary>
    public const string SignatureInvalid = "ECR8142";

    /// <summary>The signature's certificate chain does not build to the given CA certificate (or is not for code signing).</summary>
    public const string CertificateUntrusted = "ECR8143";

    /// <summary>A referrer's manifest or document is not what its descriptor says (digest or size), or cannot be read.</summary>
    public const string ContentMismatch = "ECR8144";

    /// <summary>A referrer listed for the image names another image as its subject.</summary>
    public const string SubjectMismatch = "ECR8145";

    /// <summary>A provenance statement does not name the image's digest among its in-toto subjects, or is not an in-toto statement.</summary>
    public const string ProvenanceSubjectMismatch = "ECR8146";

    /// <summary>A kind of referrer that was required (<c>--require</c>, or a signature when a key is given) is missing.</summary>
    public const string RequiredReferrerMissing = "ECR8147";

    /// <summary>A referrer is not an artifact manifest with one document layer, or its document is not JSON.</summary>
    public const string ArtifactMalformed = "ECR8148";
}
