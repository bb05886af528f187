namespace EcrPublish.Scanning;

/// <summary>One vulnerability reported for an image, basic or enhanced, in the shape the build output shows.</summary>
/// <param name="Name">The vulnerability id, e.g. <c>CVE-2024-1234</c>.</param>
/// <param name="Severity">ECR's severity string; enhanced scans may report values outside the enum (e.g. <c>UNTRIAGED</c>).</param>
/// <param name="PackageName">The affected package, when the scanner names it.</param>
/// <param name="PackageVersion">The installed version of the affected package, when known.</param>
/// <param name="Uri">Where to read about it.</param>
public sealed record ScanFinding(string Name, string Severity, string? PackageName, string? PackageVersion, string? Uri);
