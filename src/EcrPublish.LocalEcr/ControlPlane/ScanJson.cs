using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Scanning;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Scan results in ECR's shapes, shared by DescribeImageScanFindings and DescribeImages.</summary>
internal static class ScanJson
{
    /// <summary>ECR's severities, most severe first: the order of counts and findings.</summary>
    public static readonly string[] SeverityOrder = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];

    public static JsonObject Status(string status, string description) => new() { ["status"] = status, ["description"] = description };

    /// <summary>The status a client sees now: IN_PROGRESS until the scan's completion time, then its final status.</summary>
    public static JsonObject StatusAt(ImageScanRecord scan, DateTimeOffset now) =>
        scan.IsComplete(now) ? Status(scan.Status, scan.Description) : Status("IN_PROGRESS", "The scan is in progress.");

    public static JsonObject SeverityCounts(ImageScanRecord scan)
    {
        var counts = new JsonObject();
        foreach (var group in scan.Findings.GroupBy(finding => finding.Severity).OrderBy(group => Array.IndexOf(SeverityOrder, group.Key)))
        {
            counts[group.Key] = group.Count();
        }

        return counts;
    }

    public static JsonObject Finding(ScanFinding finding)
    {
        var json = new JsonObject { ["name"] = finding.Name, ["description"] = finding.Description };
        if (finding.Uri is not null)
        {
            json["uri"] = finding.Uri;
        }

        json["severity"] = finding.Severity;
        json["attributes"] = new JsonArray(
            new JsonObject { ["key"] = "package_version", ["value"] = finding.PackageVersion },
            new JsonObject { ["key"] = "package_name", ["value"] = finding.PackageName });
        return json;
    }
}
