namespace EcrPublish.Aws;

/// <summary>
/// An error detected on our side of the wire (configuration, validation, connection, waiter) with a stable
/// <see cref="Code"/> (ECR2xxx). The message starts with the code and says what to do.
/// </summary>
public class EcrClientException : Exception
{
    public EcrClientException()
        : this(AwsClientErrorCodes.ServiceError, "The ECR client failed.")
    {
    }

    public EcrClientException(string message)
        : this(AwsClientErrorCodes.ServiceError, message)
    {
    }

    public EcrClientException(string message, Exception innerException)
        : this(AwsClientErrorCodes.ServiceError, message, innerException)
    {
    }

    public EcrClientException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable diagnostic code, e.g. <c>ECR2001</c>.</summary>
    public string Code { get; }
}
