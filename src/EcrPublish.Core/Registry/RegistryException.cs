using System.Net;

namespace EcrPublish.Registry;

/// <summary>A registry call failed; <see cref="Code"/> is a stable ECR31xx code, the message says what to do.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException(string code, string message, HttpStatusCode? statusCode = null, string? registryErrorCode = null, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
        StatusCode = statusCode;
        RegistryErrorCode = registryErrorCode;
    }

    public RegistryException()
    {
        Code = RegistryErrorCodes.Unexpected;
    }

    public RegistryException(string message)
        : base(message)
    {
        Code = RegistryErrorCodes.Unexpected;
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = RegistryErrorCodes.Unexpected;
    }

    public string Code { get; }

    /// <summary>The HTTP status of the failing response, if there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OCI error code from the response body (NAME_UNKNOWN, TAG_INVALID, ...), if any.</summary>
    public string? RegistryErrorCode { get; }
}
