namespace EcrPublish;

/// <summary>
/// A failure a user can act on: it carries a stable code (<c>ECRnnnn</c>, listed in docs/errors.md) and a
/// message that says what to do. The MSBuild tasks and the CLI print the code and the message, nothing else.
/// </summary>
public class EcrPublishException : Exception
{
    public EcrPublishException(string code, string message)
        : base(message) => Code = code;

    public EcrPublishException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>The stable diagnostic code, e.g. <c>ECR4502</c>.</summary>
    public string Code { get; }
}
