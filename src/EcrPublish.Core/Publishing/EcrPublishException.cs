namespace EcrPublish.Publishing;

/// <summary>A publish failure the user can act on; <see cref="Code"/> is its ECRnnnn code.</summary>
public sealed class EcrPublishException : Exception
{
    public EcrPublishException(string code, string message)
        : base(message) => Code = code;

    public EcrPublishException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public string Code { get; }
}
