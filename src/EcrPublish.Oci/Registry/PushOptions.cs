namespace EcrPublish.Registry;

/// <summary>How the push engine behaves.</summary>
public sealed record PushOptions
{
    /// <summary>ECR needs parts of at least 5 MiB, except the last.</summary>
    public const long MinimumChunkSize = 5 * 1024 * 1024;

    /// <summary>The largest part ECR accepts.</summary>
    public const long MaximumChunkSize = 10 * 1024 * 1024;

    public int MaxParallelUploads { get; init; } = 4;

    public UploadMode UploadMode { get; init; } = UploadMode.PatchThenPut;

    /// <summary>
    /// With <see cref="UploadMode.PatchThenPut"/>, blobs up to this size go as one PUT ?digest= with the body right after
    /// the POST (<see cref="UploadMode.PutWithBody"/>, the distribution spec's monolithic upload: a request fewer per blob).
    /// Within ECR's part limit; a registry that refuses the size (413/400) gets the blob in parts instead. 0 turns it off.
    /// </summary>
    public long MonolithicPutUpTo { get; init; } = MaximumChunkSize;

    /// <summary>How a blob of <paramref name="size"/> bytes is sent once its session is open.</summary>
    public UploadMode UploadModeFor(long size) =>
        UploadMode == UploadMode.PatchThenPut && size <= MonolithicPutUpTo ? UploadMode.PutWithBody : UploadMode;

    /// <summary>Part size for chunked uploads, kept within [<see cref="MinimumChunkSize"/>, <see cref="MaximumChunkSize"/>].</summary>
    public long ChunkSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Blobs larger than this go in parts of <see cref="ChunkSize"/>: after a broken or stalled connection the upload
    /// resumes where the registry says it stands instead of starting the blob again.
    /// </summary>
    public long ChunkedUploadAbove { get; init; } = 64 * 1024 * 1024;

    /// <summary>Try cross-repository mounts of base layers that live in the same registry.</summary>
    public bool MountBaseLayers { get; init; } = true;

    /// <summary>
    /// Send a blob to a registry once per machine: mount it from the sibling repository the layer cache's record says
    /// holds it, waiting while another publish is uploading it (<see cref="SharedBlobClaim"/>).
    /// </summary>
    public bool ShareBlobsAcrossRepositories { get; init; } = true;

    /// <summary>Fresh upload sessions after a failure, with backoff and jitter.</summary>
    public RetryPolicy BlobRetry { get; init; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>Tag (manifest) PUTs per second; ECR's PutImage quota is 10/s per account and region.</summary>
    public double TagsPerSecond { get; init; } = 10;

    /// <summary>
    /// The repository was created by this publish: it has no tag and no blob yet, so the tag and blob existence
    /// checks are skipped (a blob is still checked before a retry).
    /// </summary>
    public bool RepositoryIsNew { get; init; }

    /// <summary>Called as bytes go out and blobs finish.</summary>
    public Action<PushProgress>? Progress { get; init; }
}
