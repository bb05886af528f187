namespace EcrPublish.LocalEcr.Storage;

/// <summary>How the replication of an image to one destination went (DescribeImageReplicationStatus).</summary>
internal sealed class ImageReplicationStatus
{
    public required string Region { get; init; }

    public required string RegistryId { get; init; }

    /// <summary><c>IN_PROGRESS</c>, <c>COMPLETE</c> or <c>FAILED</c>.</summary>
    public required string Status { get; set; }

    /// <summary>Why it failed, e.g. the destination tag is immutable; null unless FAILED.</summary>
    public string? FailureCode { get; set; }
}
