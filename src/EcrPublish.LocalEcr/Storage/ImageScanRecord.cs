using EcrPublish.LocalEcr.Scanning;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// The last basic scan of an image. The findings are computed when the scan starts; until <see cref="CompletesAt"/>
/// the scan reports IN_PROGRESS, as ECR's do for a while.
/// </summary>
internal sealed class ImageScanRecord
{
    /// <summary>The final status: COMPLETE, or UNSUPPORTED_IMAGE when no package database was found.</summary>
    public required string Status { get; init; }

    public required string Description { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset CompletesAt { get; init; }

    public DateTimeOffset VulnerabilitySourceUpdatedAt { get; init; }

    public List<ScanFinding> Findings { get; init; } = [];

    public bool IsComplete(DateTimeOffset now) => now >= CompletesAt;
}
