namespace EcrPublish.Scanning;

/// <summary>Enhanced scanning's <c>fixAvailable</c> values and what <c>EcrScanFailOnFixableOnly</c> makes of them.</summary>
public static class FixAvailability
{
    /// <summary>A fixed version of every affected package exists.</summary>
    public const string Yes = "YES";

    /// <summary>No fixed version exists yet.</summary>
    public const string No = "NO";

    /// <summary>Some affected packages have a fixed version.</summary>
    public const string Partial = "PARTIAL";

    /// <summary>True only when the scanner says no fix exists; PARTIAL counts as fixable (there is something to update).</summary>
    public static bool IsUnfixable(ScanFinding finding) => string.Equals(finding.FixAvailable, No, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the scanner gave no fix information (basic scanning).</summary>
    public static bool IsUnknown(ScanFinding finding) => string.IsNullOrWhiteSpace(finding.FixAvailable);
}
