namespace EcrPublish.Registry;

/// <summary>An upload session failed in a way a fresh session may fix (5xx, 429, broken connection, rejected part).</summary>
internal sealed class UploadSessionFailedException : Exception
{
    public UploadSessionFailedException(string message, TimeSpan? retryAfter = null, bool connectionBroken = false, Exception? innerException = null, bool sessionIntact = false)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
        ConnectionBroken = connectionBroken;
        SessionIntact = sessionIntact || connectionBroken;
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

    /// <summary>
    /// The session itself was not refused (a broken or stalled connection, a 5xx, 429): asking the registry how far it
    /// got and continuing from there may work. A rejected part (416, BLOB_UPLOAD_INVALID) needs a fresh session.
    /// </summary>
    public bool SessionIntact { get; }

    /// <summary>The connection was aborted (ECR does this when the repository is missing).</summary>
    public bool ConnectionBroken { get; }
}
