namespace EcrPublish.Scanning;

/// <summary>
/// Decides whether a scan result fails the build: any finding at or above <see cref="FailOnSeverity"/> fails it,
/// except those an <c>EcrScanIgnore</c> in force names and, with <c>EcrScanFailOnFixableOnly</c>, those with no fix.
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

    /// <summary>
    /// Applies the threshold after taking out the findings <paramref name="ignores"/> names and, when
    /// <paramref name="fixableOnly"/>, those enhanced scanning reports with <c>fixAvailable</c> NO. Findings without
    /// fix information (basic scanning) are counted: nothing says they cannot be fixed.
    /// </summary>
    public ScanGateVerdict Evaluate(ScanResult result, ScanIgnoreList ignores, bool fixableOnly)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ignores);
        if (FailOnSeverity is null)
        {
            return ScanGateVerdict.Pass;
        }

        if (ignores.Active.Count == 0 && !fixableOnly)
        {
            return new ScanGateVerdict(Violations(result), [], 0, 0);
        }

        var threshold = Severity.Rank(FailOnSeverity);
        var gated = result.Findings.Where(finding => Severity.IsKnown(finding.Severity) && Severity.Rank(finding.Severity) >= threshold).ToList();
        var ignored = gated.Where(finding => ignores.For(finding) is not null).ToList();
        var notFixable = fixableOnly ? gated.Where(finding => ignores.For(finding) is null && FixAvailability.IsUnfixable(finding)).ToList() : [];
        var excluded = ignored.Concat(notFixable).ToList();
        var counted = gated.Where(finding => ignores.For(finding) is null && !(fixableOnly && FixAvailability.IsUnfixable(finding))).ToList();

        // The counts may cover more findings than were listed; what was not listed cannot have been excluded.
        var violations = Severity.Ordered
            .Select(severity => (Severity: severity, Count: Math.Max(
                result.CountOf(severity) - excluded.Count(finding => IsSeverity(finding, severity)),
                counted.Count(finding => IsSeverity(finding, severity)))))
            .Where(pair => pair.Count > 0 && Severity.Rank(pair.Severity) >= threshold && pair.Severity != "UNDEFINED")
            .ToDictionary(pair => pair.Severity, pair => pair.Count);
        return new ScanGateVerdict(
            violations,
            ignored,
            notFixable.Count,
            fixableOnly ? counted.Count(FixAvailability.IsUnknown) : 0);
    }

    private static bool IsSeverity(ScanFinding finding, string severity) => string.Equals(finding.Severity, severity, StringComparison.OrdinalIgnoreCase);
}
