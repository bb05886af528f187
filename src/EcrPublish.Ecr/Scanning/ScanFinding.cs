namespace EcrPublish.Scanning;

/// <summary>One vulnerability reported for an image, basic or enhanced, in the shape the build output shows.</summary>
/// <param name="Name">The vulnerability id, e.g. <c>CVE-2024-1234</c>.</param>
/// <param name="Severity">ECR's severity string; enhanced scans may report values outside the enum (e.g. <c>UNTRIAGED</c>).</param>
/// <param name="PackageName">The affected package, when the scanner names it.</param>
/// <param name="PackageVersion">The installed version of the affected package, when known.</param>
/// <param name="Uri">Where to read about it.</param>
public sealed record ScanFinding(string Name, string Severity, string? PackageName, string? PackageVersion, string? Uri)
{
    /// <summary>Enhanced scanning's <c>fixAvailable</c> (<c>YES</c>, <c>NO</c>, <c>PARTIAL</c>); null for basic scans, which do not say.</summary>
    public string? FixAvailable { get; init; }

    /// <summary>The CVSS base score (0–10) when the scanner gives one (enhanced <c>score</c>, basic <c>CVSS3_SCORE</c>/<c>CVSS2_SCORE</c>).</summary>
    public double? Score { get; init; }

    /// <summary>The scanner's description of the vulnerability, when it gives one.</summary>
    public string? Description { get; init; }

    /// <summary>The version that fixes it (enhanced <c>fixedInVersion</c>), when known.</summary>
    public string? FixedInVersion { get; init; }

    /// <summary>Where the package lives in the image (enhanced <c>filePath</c>), when known.</summary>
    public string? FilePath { get; init; }
}
