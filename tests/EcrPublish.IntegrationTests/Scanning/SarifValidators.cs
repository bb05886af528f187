using System.Text.Json.Nodes;
using EcrPublish.IntegrationTests.SupplyChain;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Scanning;

/// <summary>
/// Checks a SARIF file with validators we did not write, both installed by build/env/install-validators.sh: Microsoft's
/// SARIF multitool (<c>validate</c>: the SARIF schema plus its own rules) and ajv against the SARIF 2.1.0 JSON schema
/// that ships in the multitool's package.
/// </summary>
internal static class SarifValidators
{
    private static string Multitool => Path.Combine(SupplyChainValidators.Directory, "sarif", "node_modules", "@microsoft", "sarif-multitool", "bin.js");

    /// <summary>The multitool's findings at level <c>error</c> (its exit code is 0 either way, so its own SARIF output is read).</summary>
    public static async Task<IReadOnlyList<string>> MultitoolErrorsAsync(string sarifFile)
    {
        var report = Path.Combine(Path.GetDirectoryName(sarifFile)!, "multitool-validation.sarif");
        File.Delete(report);
        var run = await ProcessRunner.RunAsync("node", [Multitool, "validate", sarifFile, "--output", report]);
        if (!File.Exists(report))
        {
            throw new InvalidOperationException($"The SARIF multitool wrote no report (exit code {run.ExitCode}):\n{run.Output}");
        }

        var results = JsonNode.Parse(await File.ReadAllTextAsync(report))!["runs"]![0]!["results"]?.AsArray() ?? [];
        return [.. results
            .Where(result => (string?)result!["level"] == "error")
            .Select(result => $"{result!["ruleId"]}: {result["message"]?.ToJsonString()}")];
    }

    /// <summary>ajv's verdict against the SARIF 2.1.0 schema: "valid", or its errors.</summary>
    public static Task<ProcessResult> SchemaAsync(string sarifFile) =>
        ProcessRunner.RunAsync("node", [SupplyChainValidators.SchemaScript, SupplyChainValidators.Directory, "sarif-2.1.0", sarifFile]);
}
