namespace EcrPublish;

/// <summary>
/// A failure a user can act on: it carries a stable code (<c>ECRnnnn</c>, listed in docs/errors.md) and a
/// message that says what to do. Every capability's coded exception derives from it, so the MSBuild tasks
/// and the CLI catch one type and print the code and the explanation, nothing else.
/// </summary>
public class EcrPublishException : Exception
{
    public EcrPublishException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
        Explanation = message;
    }

    /// <summary>The stable diagnostic code, e.g. <c>ECR4502</c>.</summary>
    public string Code { get; }

    /// <summary>The message without the code in front, for loggers that print the code on their own.</summary>
    public string Explanation { get; }
}
