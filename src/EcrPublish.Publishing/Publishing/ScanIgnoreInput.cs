namespace EcrPublish.Publishing;

/// <summary>An <c>EcrScanIgnore</c> item as MSBuild hands it over, before validation.</summary>
/// <param name="Name">The item's Include: the finding's name (e.g. <c>CVE-2024-1234</c>).</param>
/// <param name="Expires">The <c>Expires</c> metadata (yyyy-MM-dd), or empty.</param>
/// <param name="Reason">The <c>Reason</c> metadata, or empty.</param>
public sealed record ScanIgnoreInput(string Name, string? Expires, string? Reason);
