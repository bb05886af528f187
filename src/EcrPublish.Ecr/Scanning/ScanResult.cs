namespace EcrPublish.Scanning;

/// <summary>What a finished (or abandoned) scan of one image says.</summary>
/// <param name="Status">ECR's scan status: COMPLETE, FAILED, ACTIVE, UNSUPPORTED_IMAGE, …</param>
/// <param name="Description">ECR's status description, e.g. why a scan failed.</param>
/// <param name="SeverityCounts">findingSeverityCounts as ECR reports it (keys are severities).</param>
/// <param name="Findings">The individual findings, most severe first.</param>
public sealed record ScanResult(
    string Status,
    string? Description,
    IReadOnlyDictionary<string, int> SeverityCounts,
    IReadOnlyList<ScanFinding> Findings)
{
    /// <summary>The number of findings at exactly this severity.</summary>
    public int CountOf(string severity) =>
        SeverityCounts.TryGetValue(severity.ToUpperInvariant(), out var count) ? count : 0;
}
