using Amazon.Runtime;
using EcrPublish.Signing;

namespace EcrPublish.Kms;

/// <summary>Words what KMS answered (or that it could not be reached) as a coded <see cref="SigningException"/> that says what to do.</summary>
internal static class KmsFailure
{
    /// <summary>The coded error of <paramref name="error"/>, raised by the operation <paramref name="permission"/> needs (<c>kms:GetPublicKey</c>, <c>kms:Sign</c>).</summary>
    public static SigningException From(Exception error, string keyId, string permission, string where) => error switch
    {
        AmazonServiceException { ErrorCode: "AccessDeniedException" } service => new(SigningErrorCodes.KmsAccessDenied,
            $"KMS ({where}) refused {permission} on {keyId}: {service.Message} Allow kms:DescribeKey, kms:GetPublicKey and kms:Sign on the key to the publishing identity, in the key policy or an IAM policy.", error),
        AmazonServiceException { ErrorCode: "NotFoundException" } service => new(SigningErrorCodes.KmsKeyNotFound,
            $"KMS ({where}) has no key {keyId}: {service.Message} Check the alias or key id, the region (AWS_REGION or EcrRegion; a key ARN names its own) and the account of the credentials.", error),
        AmazonServiceException { ErrorCode: "DisabledException" or "KMSInvalidStateException" or "KeyUnavailableException" } service => new(SigningErrorCodes.KmsKeyNotEnabled,
            $"The KMS key {keyId} ({where}) cannot sign now ({service.ErrorCode}: {service.Message}). Enable it (aws kms enable-key), or cancel its deletion (aws kms cancel-key-deletion).", error),
        AmazonServiceException { ErrorCode: "InvalidKeyUsageException" or "UnsupportedOperationException" } service => new(SigningErrorCodes.KmsKeyUnsupported,
            $"The KMS key {keyId} ({where}) cannot make Notation signatures ({service.ErrorCode}: {service.Message}). Use an asymmetric key created with --key-usage SIGN_VERIFY --key-spec ECC_NIST_P256.", error),
        AmazonServiceException service => new(SigningErrorCodes.KmsFailed,
            $"KMS ({where}) failed {permission} on {keyId} ({service.ErrorCode ?? service.StatusCode.ToString()}: {service.Message}). Check the credentials, the region and the endpoint (AWS_ENDPOINT_URL_KMS).", error),
        _ => new(SigningErrorCodes.KmsFailed,
            $"KMS ({where}) could not be reached for {permission} on {keyId} ({error.GetType().Name}: {error.Message}). Check the network, the region and the endpoint (AWS_ENDPOINT_URL_KMS).", error),
    };

    /// <summary>Whether <paramref name="error"/> is a failure of the KMS call rather than a bug or the caller's cancellation.</summary>
    public static bool IsKmsFailure(Exception error, CancellationToken cancellationToken) =>
        error is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
