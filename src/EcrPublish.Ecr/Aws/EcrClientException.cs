namespace EcrPublish.Aws;

/// <summary>
/// An error detected on our side of the wire (configuration, validation, connection, waiter) with a stable
/// <see cref="EcrPublishException.Code"/> (ECR2xxx). The message starts with the code and says what to do.
/// </summary>
public class EcrClientException : EcrPublishException
{
    public EcrClientException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
