namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// An image (manifest or index) stored in a repository, keyed by the sha256 of its exact manifest bytes. The bytes
/// themselves are in the <see cref="BlobStore"/>; tags live in <see cref="RepositoryRecord.ImageTags"/>.
/// </summary>
internal sealed class ImageRecord
{
    public required string Digest { get; init; }

    public required string ManifestMediaType { get; init; }

    /// <summary>The config media type of an image manifest (ECR's <c>artifactMediaType</c>); null for indexes.</summary>
    public string? ArtifactMediaType { get; init; }

    public string? ArtifactType { get; init; }

    public long SizeInBytes { get; init; }

    public long ManifestSize { get; init; }

    public DateTimeOffset PushedAt { get; set; }

    public DateTimeOffset? LastPulledAt { get; set; }

    /// <summary>The <c>subject</c> digest of an OCI 1.1 referrer, for the referrers API.</summary>
    public string? SubjectDigest { get; init; }

    public Dictionary<string, string>? Annotations { get; init; }

    /// <summary>The last basic scan (StartImageScan or scan on push); null when never scanned.</summary>
    public ImageScanRecord? Scan { get; set; }

    /// <summary>The config and layer blobs an image manifest references (empty for indexes).</summary>
    public List<string> BlobDigests { get; init; } = [];

    /// <summary>The manifests an index points at (empty for image manifests).</summary>
    public List<string> ChildDigests { get; init; } = [];

    /// <summary>Whether UpdateImageStorageClass moved the image to the archive storage class; an archived image cannot be pulled.</summary>
    public bool Archived { get; set; }

    public DateTimeOffset? LastArchivedAt { get; set; }

    public DateTimeOffset? LastActivatedAt { get; set; }

    /// <summary>When the last restore from the archive completes: until then the image is ACTIVATING and still cannot be pulled.</summary>
    public DateTimeOffset? ActivatingUntil { get; set; }

    /// <summary>Where the image was replicated when it was pushed (DescribeImageReplicationStatus); empty when nowhere.</summary>
    public List<ImageReplicationStatus> ReplicationStatuses { get; set; } = [];

    /// <summary>Managed signing of the image when it was pushed, one entry per matching signing rule; empty when none matched.</summary>
    public List<ImageSigningStatus> SigningStatuses { get; set; } = [];

    /// <summary>ECR's <c>imageStatus</c> at <paramref name="now"/>: ACTIVE, ARCHIVED or ACTIVATING.</summary>
    public string StatusAt(DateTimeOffset now) => Archived ? "ARCHIVED" : ActivatingUntil > now ? "ACTIVATING" : "ACTIVE";
}
