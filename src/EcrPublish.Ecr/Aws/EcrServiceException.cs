using System.Net;

namespace EcrPublish.Aws;

/// <summary>
/// ECR (or STS) answered with an error. <see cref="ErrorCode"/> is the service's code without namespace or URL
/// decorations (e.g. <c>RepositoryNotFoundException</c>); compare it with <see cref="EcrServiceErrorCodes"/>.
/// </summary>
public class EcrServiceException : EcrClientException
{
    public EcrServiceException(string errorCode, string serviceMessage, HttpStatusCode statusCode, string? requestId, string operation)
        : base(AwsClientErrorCodes.ServiceError, Describe(errorCode, serviceMessage, statusCode, requestId, operation))
    {
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        StatusCode = statusCode;
        RequestId = requestId;
        Operation = operation;
    }

    /// <summary>The service's error code, e.g. <c>RepositoryNotFoundException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's own message (from <c>message</c> or <c>Message</c>).</summary>
    public string ServiceMessage { get; }

    /// <summary>The HTTP status of the error response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the failed call, for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>The operation that failed, e.g. <c>DescribeRepositories</c>.</summary>
    public string Operation { get; }

    private static string Describe(string errorCode, string serviceMessage, HttpStatusCode statusCode, string? requestId, string operation)
    {
        var hint = errorCode switch
        {
            EcrServiceErrorCodes.AccessDenied => " Grant the caller's IAM identity the ECR permission named in the message.",
            EcrServiceErrorCodes.UnrecognizedClient or "InvalidClientTokenId" =>
                " The access key is not valid for this endpoint/partition; check the profile or AWS_ACCESS_KEY_ID.",
            EcrServiceErrorCodes.ExpiredToken => " The session token has expired; refresh the credentials (e.g. 'aws sso login').",
            EcrServiceErrorCodes.Throttling => " The request rate is too high even after retries; retry later or raise the retry count.",
            _ => string.Empty,
        };
        var id = requestId is null ? string.Empty : $", request id {requestId}";
        return $"{operation} failed with {errorCode} (HTTP {(int)statusCode}{id}): {serviceMessage}{hint}";
    }
}
