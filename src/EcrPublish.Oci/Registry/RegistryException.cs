using System.Net;

namespace EcrPublish.Registry;

/// <summary>A registry call failed; <see cref="EcrPublishException.Code"/> is a stable ECR31xx code, the message says what to do.</summary>
public sealed class RegistryException : EcrPublishException
{
    public RegistryException(string code, string message, HttpStatusCode? statusCode = null, string? registryErrorCode = null, Exception? innerException = null)
        : base(code, message, innerException)
    {
        StatusCode = statusCode;
        RegistryErrorCode = registryErrorCode;
    }

    /// <summary>The HTTP status of the failing response, if there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OCI error code from the response body (NAME_UNKNOWN, TAG_INVALID, ...), if any.</summary>
    public string? RegistryErrorCode { get; }

    /// <summary>The method of the failing request (HEAD, POST, ...), if known.</summary>
    public string? RequestMethod { get; init; }

    /// <summary>The path and query of the failing request, e.g. <c>/v2/team/api/blobs/uploads/</c>, if known.</summary>
    public string? RequestPath { get; init; }
}
