namespace EcrPublish.Scanning;

/// <summary>What the gate decided about one scan result, and which findings it did not count.</summary>
/// <param name="Violations">The severities (with their counts) that break the gate; empty when the build may go on.</param>
/// <param name="Ignored">Findings at or above the threshold that an <c>EcrScanIgnore</c> in force kept out of the count.</param>
/// <param name="NotFixable">Findings at or above the threshold not counted under <c>EcrScanFailOnFixableOnly</c> because no fix exists.</param>
/// <param name="WithoutFixInformation">Findings counted under <c>EcrScanFailOnFixableOnly</c> although the scanner did not say whether a fix exists (basic scanning).</param>
public sealed record ScanGateVerdict(
    IReadOnlyDictionary<string, int> Violations,
    IReadOnlyList<ScanFinding> Ignored,
    int NotFixable,
    int WithoutFixInformation)
{
    /// <summary>A verdict that lets the build go on and excluded nothing.</summary>
    public static ScanGateVerdict Pass { get; } = new(new Dictionary<string, int>(), [], 0, 0);

    /// <summary>True when the build fails.</summary>
    public bool Fails => Violations.Count > 0;
}
