namespace EcrPublish.Scanning;

/// <summary>
/// Decides whether a scan result fails the build: any finding at or above <see cref="FailOnSeverity"/> fails it.
/// No threshold means the gate never fails (the findings are still reported).
/// </summary>
public sealed class ScanGate
{
    private ScanGate(string? failOnSeverity) => FailOnSeverity = failOnSeverity;

    /// <summary>The lowest severity that fails the build, upper-case, or null for "never fail".</summary>
    public string? FailOnSeverity { get; }

    /// <summary>Parses <c>EcrScanFailOnSeverity</c>: empty or NONE = never fail; otherwise one of ECR's severities.</summary>
    /// <exception cref="EcrPublishException">ECR4501 when the value is not a severity.</exception>
    public static ScanGate Parse(string? failOnSeverity)
    {
        var value = failOnSeverity?.Trim();
        if (string.IsNullOrEmpty(value) || string.Equals(value, "NONE", StringComparison.OrdinalIgnoreCase))
        {
            return new ScanGate(null);
        }

        if (!Severity.IsKnown(value) || string.Equals(value, "UNDEFINED", StringComparison.OrdinalIgnoreCase))
        {
            throw new EcrPublishException(ScanErrorCodes.UnknownSeverity,
                $"'{value}' is not a severity to fail on. Use one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, or leave it empty to never fail.");
        }

        return new ScanGate(value.ToUpperInvariant());
    }

    /// <summary>The severities (with their counts) that break the gate; empty when the build may go on.</summary>
    public IReadOnlyDictionary<string, int> Violations(ScanResult result)
    {
        if (FailOnSeverity is null)
        {
            return new Dictionary<string, int>();
        }

        var threshold = Severity.Rank(FailOnSeverity);
        return result.SeverityCounts
            .Where(count => count.Value > 0 && Severity.IsKnown(count.Key) && Severity.Rank(count.Key) >= threshold)
            .OrderByDescending(count => Severity.Rank(count.Key))
            .ToDictionary(count => count.Key.ToUpperInvariant(), count => count.Value);
    }
}
