using System.Text.Json.Nodes;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.ServiceModel;
using EcrPublish.Scanning;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// <c>dotnet ecr scan report --repository-name R --image-tag T [--fail-on-severity HIGH]</c>: the scan status,
/// the counts per severity and a findings table (EcrPublish.Ecr's <see cref="FindingsTable"/>); exits 1 (ECR7004) when a
/// finding is at or above the threshold (EcrPublish.Ecr's <see cref="ScanGate"/>), so a pipeline can gate on it.
/// </summary>
internal sealed class ScanReportCommand(OperationCaller caller, TextWriter output, TextWriter error)
{
    private static readonly HashSet<string> s_valued = ["--repository-name", "--registry-id", "--image-tag", "--image-digest", "--fail-on-severity", "--max-rows"];

    public const string Help =
        "NAME\n    scan report\n\nDESCRIPTION\n" +
        "    Prints an image's scan status, its findings per severity and a findings\n" +
        "    table, most severe first. With --fail-on-severity, exits with code 1 when a\n" +
        "    finding is at or above that severity (CRITICAL, HIGH, MEDIUM, LOW,\n" +
        "    INFORMATIONAL).\n\n" +
        "SYNOPSIS\n    scan report\n    --repository-name <value>\n    --image-tag <value> | --image-digest <value>\n    [--fail-on-severity <value>]\n    [--max-rows <value>]\n    [--registry-id <value>]\n\n" +
        "EXAMPLES\n    # Get only critical and high vulnerabilities, and fail the pipeline on them\n" +
        "    dotnet ecr scan report --repository-name my-app/backend --image-tag v1.2.0 --fail-on-severity HIGH\n";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(words, s_valued, new HashSet<string>());
        var repository = options.Required("--repository-name");
        var imageId = options.Value("--image-digest") is { } digest
            ? new JsonObject { ["imageDigest"] = digest }
            : new JsonObject { ["imageTag"] = options.Required("--image-tag") };
        ScanGate gate;
        try
        {
            gate = ScanGate.Parse(options.Value("--fail-on-severity"));
        }
        catch (EcrPublishException e)
        {
            throw new CliUsageException(e.Message);
        }

        var maxRows = options.Value("--max-rows") is { } rows ? (int)ScalarValueParser.ParseInteger(rows) : 50;
        var result = await ReadScanAsync(repository, options.Value("--registry-id"), imageId, cancellationToken).ConfigureAwait(false);
        output.Write($"Scan status: {result.Status}{(result.Description is null ? "" : " - " + result.Description)}\n");
        output.Write("Findings: " + string.Join(", ", Severity.Ordered.Select(s => $"{s} {result.CountOf(s)}")) + "\n");
        if (result.Findings.Count > 0)
        {
            output.Write("\n" + FindingsTable.Format(result.Findings, maxRows));
        }

        var violations = gate.Violations(result);
        if (violations.Count == 0)
        {
            return ExitCodes.Success;
        }

        error.Write($"{CliErrorCodes.FindingsAboveThreshold}: {string.Join(", ", violations.Select(v => $"{v.Value} {v.Key}"))} finding(s) at or above {gate.FailOnSeverity}. " +
            "Fix or upgrade the affected packages, or raise --fail-on-severity.\n");
        return 1;
    }

    private async Task<ScanResult> ReadScanAsync(string repository, string? registryId, JsonObject imageId, CancellationToken cancellationToken)
    {
        var operation = EcrServiceModel.Instance.Operations["describe-image-scan-findings"];
        var parameters = new JsonObject { ["repositoryName"] = repository, ["imageId"] = imageId };
        if (registryId is not null)
        {
            parameters["registryId"] = registryId;
        }

        var pager = new OperationPager(caller, operation, operation.Paginator!);
        var all = pager.BuildFullResult(await pager.FetchAsync(new OperationRequest(parameters, null, null, null), cancellationToken).ConfigureAwait(false));
        var findings = all["imageScanFindings"] as JsonObject ?? [];
        var counts = (findings["findingSeverityCounts"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => (int)p.Value!, StringComparer.OrdinalIgnoreCase);
        var basic = (findings["findings"] as JsonArray ?? []).OfType<JsonObject>().Select(f => new ScanFinding(
            (string?)f["name"] ?? "",
            (string?)f["severity"] ?? "UNDEFINED",
            Attribute(f, "package_name"),
            Attribute(f, "package_version"),
            (string?)f["uri"]));
        var enhanced = (findings["enhancedFindings"] as JsonArray ?? []).OfType<JsonObject>().Select(f => new ScanFinding(
            (string?)f["title"] ?? (string?)f["findingArn"] ?? "",
            (string?)f["severity"] ?? "UNDEFINED",
            (string?)f["packageVulnerabilityDetails"]?["vulnerablePackages"]?[0]?["name"],
            (string?)f["packageVulnerabilityDetails"]?["vulnerablePackages"]?[0]?["version"],
            (string?)f["packageVulnerabilityDetails"]?["sourceUrl"]));
        return new ScanResult(
            (string?)all["imageScanStatus"]?["status"] ?? "UNKNOWN",
            (string?)all["imageScanStatus"]?["description"],
            counts,
            basic.Concat(enhanced).ToList());
    }

    private static string? Attribute(JsonObject finding, string key) =>
        (finding["attributes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(a => (string?)a["key"] == key)?["value"]?.GetValue<string>();
}
