namespace EcrPublish.LocalEcr;

/// <summary>A LocalEcr failure a user can fix (bad arguments, port in use, unusable data directory), with its stable ECR5xxx code.</summary>
public sealed class LocalEcrException : Exception
{
    public LocalEcrException(string code, string message, Exception? inner = null)
        : base($"{code}: {message}", inner)
    {
        Code = code;
    }

    /// <summary>The stable error code, e.g. <c>ECR5001</c>; docs/errors/localecr.md lists them.</summary>
    public string Code { get; }
}
