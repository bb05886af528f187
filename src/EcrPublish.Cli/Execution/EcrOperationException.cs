namespace EcrPublish.Cli.Execution;

/// <summary>
/// An error the service returned (<c>RepositoryNotFoundException</c> and so on), with its code and message,
/// worded as botocore's <c>ClientError</c> (including <c>(reached max retries: N)</c> after retried failures).
/// </summary>
internal sealed class EcrOperationException(string errorCode, string serviceMessage, string operation, int retries = 0)
    : Exception($"An error occurred ({errorCode}) when calling the {operation} operation{(retries > 0 ? $" (reached max retries: {retries})" : "")}: {serviceMessage}")
{
    public string ErrorCode { get; } = errorCode;

    public string ServiceMessage { get; } = serviceMessage;

    public string Operation { get; } = operation;
}
