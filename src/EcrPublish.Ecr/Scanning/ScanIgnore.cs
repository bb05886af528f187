namespace EcrPublish.Scanning;

/// <summary>A finding the team accepted (<c>EcrScanIgnore</c>): it does not fail the gate until <see cref="Expires"/> has passed.</summary>
/// <param name="Name">The finding's name, e.g. <c>CVE-2024-1234</c>; matched without regard to case.</param>
/// <param name="Expires">The last day (UTC) the ignore holds, or null for no end.</param>
/// <param name="Reason">Why it is accepted; shown in the findings table and the SARIF file.</param>
public sealed record ScanIgnore(string Name, DateOnly? Expires, string? Reason)
{
    /// <summary>True from the day after <see cref="Expires"/>.</summary>
    public bool IsExpiredOn(DateOnly today) => Expires is { } expires && today > expires;

    /// <summary>True when this ignore names the finding.</summary>
    public bool Matches(ScanFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return string.Equals(Name, finding.Name, StringComparison.OrdinalIgnoreCase);
    }
}
