namespace EcrPublish.LocalEcr.Scanning;

/// <summary>One basic-scan finding (<c>imageScanFindings.findings[]</c>).</summary>
internal sealed record ScanFinding(string Name, string Description, string? Uri, string Severity, string PackageName, string PackageVersion);
