using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Scanning;

/// <summary>
/// Writes scan findings as a SARIF 2.1.0 log for GitHub code scanning: one run of the tool <c>EcrPublish</c>, one rule
/// per vulnerability (with <c>security-severity</c>), one result per affected package, located at the package's file
/// in the image when the scanner names it and at the repository otherwise. Findings an ignore in force names carry an
/// accepted external suppression with the ignore's reason.
/// </summary>
public static class SarifReport
{
    /// <summary>The schema GitHub's documentation points SARIF files at.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private const string InformationUri = "https://github.com/ecrpublish/ecrpublish";

    /// <summary>The SARIF log as a JSON document.</summary>
    public static JsonObject Create(ScanResult result, SarifImage image, ScanIgnoreList ignores, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(ignores);

        // One result per vulnerability and package: a multi-arch image lists the same finding once per platform.
        var findings = result.Findings
            .DistinctBy(finding => (finding.Name, finding.PackageName, finding.PackageVersion, finding.FilePath))
            .OrderByDescending(finding => Severity.Rank(finding.Severity))
            .ThenBy(finding => finding.Name, StringComparer.Ordinal)
            .ThenBy(finding => finding.PackageName, StringComparer.Ordinal)
            .ToList();
        var rules = findings.GroupBy(finding => finding.Name, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Key, index)).ToDictionary(pair => pair.Key, pair => pair.index, StringComparer.Ordinal);

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "EcrPublish",
                    ["version"] = toolVersion,
                    ["informationUri"] = InformationUri,
                    ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                },
            },
            ["results"] = new JsonArray([.. findings.Select(finding => Result(finding, ruleIndex[finding.Name], image, ignores.For(finding)))]),
            ["properties"] = new JsonObject
            {
                ["image"] = $"{image.ImageUri}@{image.Digest}",
                ["scanStatus"] = result.Status,
            },
        };
        return new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
    }

    /// <summary>Writes the SARIF log to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(string path, ScanResult result, SarifImage image, ScanIgnoreList ignores, string toolVersion)
    {
        var document = Create(result, image, ignores, toolVersion);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonObject Rule(IGrouping<string, ScanFinding> rule)
    {
        var worst = rule.OrderByDescending(finding => SarifSecuritySeverity.Value(finding.Severity, finding.Score)).First();
        var description = rule.Select(finding => finding.Description).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text)) ?? $"Vulnerability {rule.Key}.";
        var helpUri = rule.Select(finding => finding.Uri).FirstOrDefault(IsAbsoluteUri);
        var node = new JsonObject
        {
            ["id"] = rule.Key,
            ["shortDescription"] = new JsonObject { ["text"] = $"{rule.Key} ({worst.Severity.ToUpperInvariant()})" },
            ["fullDescription"] = new JsonObject { ["text"] = description },
            ["help"] = new JsonObject { ["text"] = helpUri is null ? description : $"{description} See {helpUri}." },
            ["defaultConfiguration"] = new JsonObject { ["level"] = SarifSecuritySeverity.Level(worst.Severity) },
            ["properties"] = new JsonObject
            {
                ["security-severity"] = SarifSecuritySeverity.Score(worst.Severity, worst.Score),
                ["tags"] = new JsonArray("security", "vulnerability", worst.Severity.ToUpperInvariant()),
            },
        };
        if (helpUri is not null)
        {
            node["helpUri"] = helpUri;
        }

        return node;
    }

    private static JsonObject Result(ScanFinding finding, int ruleIndex, SarifImage image, ScanIgnore? ignore)
    {
        var package = finding.PackageName is null ? null : finding.PackageVersion is null ? finding.PackageName : $"{finding.PackageName} {finding.PackageVersion}";
        var fix = finding.FixedInVersion is { Length: > 0 } fixedIn ? $" Fixed in {fixedIn}." : FixAvailability.IsUnfixable(finding) ? " No fix is available yet." : "";
        var location = new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = ArtifactUri(finding, image) },
                ["region"] = new JsonObject { ["startLine"] = 1 },
            },
            ["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["name"] = finding.PackageName ?? image.Repository,
                ["fullyQualifiedName"] = $"{image.ImageUri}@{image.Digest}{(package is null ? "" : $" {package}")}",
            }),
        };
        var properties = new JsonObject
        {
            ["severity"] = finding.Severity.ToUpperInvariant(),
            ["image"] = $"{image.ImageUri}@{image.Digest}",
        };
        AddIfPresent(properties, "packageName", finding.PackageName);
        AddIfPresent(properties, "packageVersion", finding.PackageVersion);
        AddIfPresent(properties, "fixAvailable", finding.FixAvailable);
        AddIfPresent(properties, "fixedInVersion", finding.FixedInVersion);

        var node = new JsonObject
        {
            ["ruleId"] = finding.Name,
            ["ruleIndex"] = ruleIndex,
            ["level"] = SarifSecuritySeverity.Level(finding.Severity),
            ["message"] = new JsonObject
            {
                ["text"] = $"{finding.Name} ({finding.Severity.ToUpperInvariant()}) in {package ?? "the image"} of {image.ImageUri}@{image.Digest}.{fix}",
            },
            ["locations"] = new JsonArray(location),
            ["partialFingerprints"] = new JsonObject { ["ecrpublishFinding/v1"] = Fingerprint(finding, image) },
            ["properties"] = properties,
        };
        if (ignore is not null)
        {
            node["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = ignore.Reason ?? $"EcrScanIgnore {ignore.Name}",
            });
        }

        return node;
    }

    // GitHub shows a result at a file of the repository; an image has none, so the package's path in the image
    // (enhanced scanning names it) or the repository name stands in, as container scanners do.
    private static string ArtifactUri(ScanFinding finding, SarifImage image)
    {
        var path = finding.FilePath?.TrimStart('/');
        return Uri.EscapeDataString(string.IsNullOrEmpty(path) ? image.Repository : path).Replace("%2F", "/", StringComparison.Ordinal);
    }

    private static string Fingerprint(ScanFinding finding, SarifImage image) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{image.Repository}\n{finding.Name}\n{finding.PackageName}\n{finding.PackageVersion}\n{finding.FilePath}"))).ToLowerInvariant();

    private static bool IsAbsoluteUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void AddIfPresent(JsonObject properties, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[name] = value;
        }
    }
}
