namespace EcrPublish.Registry;

/// <summary>An upload session failed in a way a fresh session may fix (5xx, 429, broken connection, rejected part).</summary>
internal sealed class UploadSessionFailedException : Exception
{
    public UploadSessionFailedException(string message, TimeSpan? retryAfter = null, bool connectionBroken = false, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
        ConnectionBroken = connectionBroken;
    }

    public UploadSessionFailedException()
    {
    }

    public UploadSessionFailedException(string message)
        : base(message)
    {
    }

    public UploadSessionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The connection was aborted (ECR does this when the repository is missing).</summary>
    public bool ConnectionBroken { get; }
}
