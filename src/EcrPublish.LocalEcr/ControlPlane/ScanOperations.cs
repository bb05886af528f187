using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcrPublish.LocalEcr.Scanning;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// StartImageScan, DescribeImageScanFindings, PutRegistryScanningConfiguration and GetRegistryScanningConfiguration:
/// basic scanning by LocalEcr's own <see cref="ImageScanner"/>; an ENHANCED registry reports <see cref="EnhancedScanStatus"/>.
/// </summary>
internal sealed partial class ScanOperations(LocalEcrOptions options, RepositoryStore repositories, RegistrySettingsStore registry, ImageScanner scanner)
{
    private static readonly string[] ScanTypes = ["BASIC", "ENHANCED"];
    private static readonly string[] ScanFrequencies = ["SCAN_ON_PUSH", "CONTINUOUS_SCAN", "MANUAL"];

    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("StartImageScan", StartImageScanAsync),
        new("DescribeImageScanFindings", DescribeImageScanFindingsAsync),
        new("PutRegistryScanningConfiguration", PutRegistryScanningConfigurationAsync),
        new("GetRegistryScanningConfiguration", GetRegistryScanningConfigurationAsync),
    ];

    private async Task<JsonObject> StartImageScanAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var id = ImageIdentifier.From(call.OptionalObject("imageId") ?? throw EcrErrors.InvalidParameter("imageId", "Member must not be null"));
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var image = ImageLookup.Find(record, id) ?? throw EcrErrors.ImageNotFound(id.Digest, id.Tag, name, options.AccountId);
        if (image.Archived)
        {
            throw new EcrApiException("ImageArchivedException", "The specified image is archived and cannot be scanned.");
        }

        if (registry.Current.ScanType != "BASIC")
        {
            throw new EcrApiException("ValidationException", "StartImageScan starts basic scans only; this registry uses ENHANCED scanning.");
        }

        if (image.Scan is { } last && call.Now - last.StartedAt < TimeSpan.FromHours(24))
        {
            throw new EcrApiException("LimitExceededException", "The scan quota per image has been exceeded. Wait and try again.");
        }

        image.Scan = scanner.Scan(image, call.Now);
        handle.Save();
        return new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["imageId"] = EcrJson.ImageId(image.Digest, id.Tag),
            ["imageScanStatus"] = ScanJson.Status("IN_PROGRESS", "The scan is in progress."),
        };
    }

    private async Task<JsonObject> DescribeImageScanFindingsAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var id = ImageIdentifier.From(call.OptionalObject("imageId") ?? throw EcrErrors.InvalidParameter("imageId", "Member must not be null"));
        var token = call.OptionalString("nextToken");
        var maxResults = call.OptionalInt("maxResults", 1, 1000);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var image = ImageLookup.Find(record, id) ?? throw EcrErrors.ImageNotFound(id.Digest, id.Tag, name, options.AccountId);
        var scanNotFound = new EcrApiException(
            "ScanNotFoundException",
            $"Image scan does not exist for the image with '{{imageDigest:'{image.Digest}', imageTag:'{id.Tag ?? "null"}'}}' in the repository with name '{name}' in the registry with id '{options.AccountId}'");
        var response = new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["imageId"] = EcrJson.ImageId(image.Digest, id.Tag),
        };
        if (registry.Current.ScanType == "ENHANCED")
        {
            var (status, description) = EnhancedScanStatus.Of(RepositoryScanFrequency.Of(registry.Current, record), image.PushedAt, call.Now) ?? throw scanNotFound;
            response["imageScanStatus"] = ScanJson.Status(status, description);
            return response;
        }

        var scan = image.Scan ?? throw scanNotFound;
        response["imageScanStatus"] = ScanJson.StatusAt(scan, call.Now);
        if (!scan.IsComplete(call.Now) || scan.Status != "COMPLETE")
        {
            return response;
        }

        var ordered = scan.Findings.OrderBy(finding => Array.IndexOf(ScanJson.SeverityOrder, finding.Severity)).ThenBy(finding => finding.Name, StringComparer.Ordinal).ToList();
        var (page, next) = PageToken.Slice(ordered, token, maxResults);
        response["imageScanFindings"] = new JsonObject
        {
            ["imageScanCompletedAt"] = EcrJson.Timestamp(scan.CompletesAt),
            ["vulnerabilitySourceUpdatedAt"] = EcrJson.Timestamp(scan.VulnerabilitySourceUpdatedAt),
            ["findingSeverityCounts"] = ScanJson.SeverityCounts(scan),
            ["findings"] = new JsonArray(page.Select(finding => (JsonNode)ScanJson.Finding(finding)).ToArray()),
        };
        if (next is not null)
        {
            response["nextToken"] = next;
        }

        return response;
    }

    private Task<JsonObject> PutRegistryScanningConfigurationAsync(EcrCall call)
    {
        var scanType = call.OptionalString("scanType") ?? "BASIC";
        if (!ScanTypes.Contains(scanType, StringComparer.Ordinal))
        {
            throw EcrErrors.InvalidParameter("scanType", "Member must satisfy enum value set: [BASIC, ENHANCED]");
        }

        var rules = (call.OptionalArray("rules", 0, 2) ?? []).Select(ReadRule).ToList();
        registry.Update(settings =>
        {
            settings.ScanType = scanType;
            settings.ScanningRules = rules;
            return settings;
        });
        return Task.FromResult(new JsonObject { ["registryScanningConfiguration"] = Configuration(scanType, rules) });
    }

    private Task<JsonObject> GetRegistryScanningConfigurationAsync(EcrCall call)
    {
        var settings = registry.Current;
        return Task.FromResult(new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["scanningConfiguration"] = Configuration(settings.ScanType, settings.ScanningRules),
        });
    }

    private static RegistryScanningRule ReadRule(JsonNode? node)
    {
        if (node is not JsonObject rule)
        {
            throw EcrErrors.Serialization("'rules' entries must be objects");
        }

        var frequency = EcrCall.StringOf(rule["scanFrequency"], "scanFrequency") ?? throw EcrErrors.InvalidParameter("rules.member.scanFrequency", "Member must not be null");
        if (!ScanFrequencies.Contains(frequency, StringComparer.Ordinal))
        {
            throw EcrErrors.InvalidParameter("rules.member.scanFrequency", "Member must satisfy enum value set: [SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL]");
        }

        if (rule["repositoryFilters"] is not JsonArray filters || filters.Count > 100)
        {
            throw EcrErrors.InvalidParameter("rules.member.repositoryFilters", "Member must not be null and have length less than or equal to 100");
        }

        var values = new List<string>();
        foreach (var filter in filters)
        {
            var value = EcrCall.StringOf(filter?["filter"], "filter") ?? throw EcrErrors.InvalidParameter("rules.member.repositoryFilters.member.filter", "Member must not be null");
            if (value.Length is < 1 or > 255 || !FilterPattern().IsMatch(value))
            {
                throw EcrErrors.InvalidParameter("rules.member.repositoryFilters.member.filter", "Member must satisfy regular expression pattern: ^[a-z0-9*](?:[._\\-/a-z0-9*]?[a-z0-9*]+)*$");
            }

            if (EcrCall.StringOf(filter?["filterType"], "filterType") != "WILDCARD")
            {
                throw EcrErrors.InvalidParameter("rules.member.repositoryFilters.member.filterType", "Member must satisfy enum value set: [WILDCARD]");
            }

            values.Add(value);
        }

        return new RegistryScanningRule { ScanFrequency = frequency, Filters = values };
    }

    private static JsonObject Configuration(string scanType, IEnumerable<RegistryScanningRule> rules) => new()
    {
        ["scanType"] = scanType,
        ["rules"] = new JsonArray(rules.Select(rule => (JsonNode)new JsonObject
        {
            ["scanFrequency"] = rule.ScanFrequency,
            ["repositoryFilters"] = new JsonArray(rule.Filters.Select(filter => (JsonNode)new JsonObject { ["filter"] = filter, ["filterType"] = "WILDCARD" }).ToArray()),
        }).ToArray()),
    };

    [GeneratedRegex(@"^[a-z0-9*](?:[._\-/a-z0-9*]?[a-z0-9*]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex FilterPattern();
}
