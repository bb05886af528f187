namespace EcrPublish.Registry;

/// <summary>What a push did. Requests and bytes are what the benchmarks compare.</summary>
public sealed record PushResult
{
    public required string Repository { get; init; }

    /// <summary>The digest the tags point at (index or manifest).</summary>
    public required string Digest { get; init; }

    /// <summary>True when every tag already pointed at the digest and nothing was sent.</summary>
    public bool NoOp { get; init; }

    public IReadOnlyList<string> TagsPushed { get; init; } = [];

    public IReadOnlyList<string> TagsUnchanged { get; init; } = [];

    public int BlobsUploaded { get; init; }

    public int BlobsMounted { get; init; }

    public int BlobsAlreadyPresent { get; init; }

    /// <summary>Blob bytes that went over the wire (retries included).</summary>
    public long BlobBytesSent { get; init; }

    /// <summary>HTTP requests sent to the target registry, token requests included.</summary>
    public long Requests { get; init; }

    /// <summary>Request-body bytes sent to the target registry.</summary>
    public long BytesSent { get; init; }
}
