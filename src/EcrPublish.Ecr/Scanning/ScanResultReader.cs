using System.Globalization;
using EcrPublish.Aws.Model;

namespace EcrPublish.Scanning;

/// <summary>Turns a DescribeImageScanFindings response (basic or enhanced) into a <see cref="ScanResult"/>.</summary>
public static class ScanResultReader
{
    /// <summary>Reads one page.</summary>
    public static ScanResult Read(DescribeImageScanFindingsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Read([response]);
    }

    /// <summary>Reads every page of one scan: status and counts from the first, the findings of all.</summary>
    public static ScanResult Read(IReadOnlyList<DescribeImageScanFindingsResponse> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count == 0)
        {
            throw new ArgumentException("A scan has at least one page of findings.", nameof(pages));
        }

        var first = pages[0];
        var counts = (first.ImageScanFindings?.FindingSeverityCounts ?? new Dictionary<string, int>())
            .ToDictionary(count => count.Key.ToUpperInvariant(), count => count.Value, StringComparer.Ordinal);
        var basic = pages.SelectMany(page => page.ImageScanFindings?.Findings ?? []).Select(Basic);
        var enhanced = pages.SelectMany(page => page.ImageScanFindings?.EnhancedFindings ?? []).Select(Enhanced);
        return new ScanResult(
            first.ImageScanStatus?.Status ?? "UNKNOWN",
            first.ImageScanStatus?.Description,
            counts,
            [.. basic.Concat(enhanced)]);
    }

    private static ScanFinding Basic(ImageScanFinding finding) => new(
        finding.Name ?? "unnamed",
        finding.Severity ?? "UNDEFINED",
        Attribute(finding, "package_name"),
        Attribute(finding, "package_version"),
        finding.Uri)
    {
        Score = Number(Attribute(finding, "CVSS3_SCORE")) ?? Number(Attribute(finding, "CVSS2_SCORE")),
        Description = finding.Description,
    };

    private static ScanFinding Enhanced(EnhancedImageScanFinding finding)
    {
        var details = finding.PackageVulnerabilityDetails;
        var package = details?.VulnerablePackages is [var first, ..] ? first : null;
        return new ScanFinding(
            details?.VulnerabilityId ?? finding.Title ?? "unnamed",
            finding.Severity ?? "UNDEFINED",
            package?.Name,
            package?.Version,
            details?.SourceUrl)
        {
            FixAvailable = finding.FixAvailable,
            Score = finding.Score ?? details?.Cvss?.Select(cvss => cvss.BaseScore).Max(),
            Description = finding.Description ?? finding.Title,
            FixedInVersion = package?.FixedInVersion,
            FilePath = package?.FilePath,
        };
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Attribute(ImageScanFinding finding, string key) =>
        finding.Attributes?.FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
