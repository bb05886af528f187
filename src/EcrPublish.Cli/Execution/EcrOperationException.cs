namespace EcrPublish.Cli.Execution;

/// <summary>An error the service returned (<c>RepositoryNotFoundException</c> and so on), with its code and message.</summary>
internal sealed class EcrOperationException(string errorCode, string serviceMessage, string operation)
    : Exception($"An error occurred ({errorCode}) when calling the {operation} operation: {serviceMessage}")
{
    public string ErrorCode { get; } = errorCode;

    public string ServiceMessage { get; } = serviceMessage;

    public string Operation { get; } = operation;
}
