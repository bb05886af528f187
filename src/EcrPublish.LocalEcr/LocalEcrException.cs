namespace EcrPublish.LocalEcr;

/// <summary>A LocalEcr failure a user can fix (bad arguments, port in use, unusable data directory), with its stable ECR5xxx code.</summary>
public sealed class LocalEcrException : EcrPublishException
{
    public LocalEcrException(string code, string message, Exception? inner = null)
        : base(code, message, inner)
    {
    }
}
