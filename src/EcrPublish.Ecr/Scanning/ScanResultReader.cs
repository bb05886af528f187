using EcrPublish.Aws.Model;

namespace EcrPublish.Scanning;

/// <summary>Turns a DescribeImageScanFindings response (basic or enhanced) into a <see cref="ScanResult"/>.</summary>
public static class ScanResultReader
{
    public static ScanResult Read(DescribeImageScanFindingsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var findings = response.ImageScanFindings;
        var counts = (findings?.FindingSeverityCounts ?? new Dictionary<string, int>())
            .ToDictionary(count => count.Key.ToUpperInvariant(), count => count.Value, StringComparer.Ordinal);
        var basic = (findings?.Findings ?? []).Select(finding => new ScanFinding(
            finding.Name ?? "unnamed",
            finding.Severity ?? "UNDEFINED",
            Attribute(finding, "package_name"),
            Attribute(finding, "package_version"),
            finding.Uri));
        var enhanced = (findings?.EnhancedFindings ?? []).Select(finding =>
        {
            var package = finding.PackageVulnerabilityDetails?.VulnerablePackages is [var first, ..] ? first : null;
            return new ScanFinding(
                finding.PackageVulnerabilityDetails?.VulnerabilityId ?? finding.Title ?? "unnamed",
                finding.Severity ?? "UNDEFINED",
                package?.Name,
                package?.Version,
                finding.PackageVulnerabilityDetails?.SourceUrl);
        });
        return new ScanResult(
            response.ImageScanStatus?.Status ?? "UNKNOWN",
            response.ImageScanStatus?.Description,
            counts,
            [.. basic.Concat(enhanced)]);
    }

    private static string? Attribute(ImageScanFinding finding, string key) =>
        finding.Attributes?.FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
