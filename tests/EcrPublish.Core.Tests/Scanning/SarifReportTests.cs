using System.Text.Json.Nodes;
using EcrPublish.Scanning;
using Xunit;

namespace EcrPublish.Core.Tests.Scanning;

public sealed class SarifReportTests
{
    private static readonly SarifImage Image = new("team/api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api", "sha256:" + new string('a', 64));

    private static JsonObject Create(ScanIgnoreList ignores, params ScanFinding[] findings) =>
        SarifReport.Create(new ScanResult("ACTIVE", null, new Dictionary<string, int>(), findings), Image, ignores, "1.2.3");

    [Fact]
    public void One_run_of_EcrPublish_with_a_rule_per_vulnerability_and_GitHub_security_severity()
    {
        var log = Create(
            ScanIgnoreList.None,
            new ScanFinding("CVE-2024-0001", "CRITICAL", "openssl", "3.0.1", "https://example.test/1") { Score = 9.8, Description = "Heap overflow." },
            new ScanFinding("CVE-2024-0001", "CRITICAL", "libssl3", "3.0.1", "https://example.test/1") { Score = 9.8 },
            new ScanFinding("CVE-2024-0002", "MEDIUM", "zlib", "1.2", null) { Score = 9.1 },
            new ScanFinding("CVE-2024-0003", "INFORMATIONAL", null, null, "not a uri"));

        Assert.Equal("2.1.0", (string?)log["version"]);
        var run = Assert.Single(log["runs"]!.AsArray())!;
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("EcrPublish", (string?)driver["name"]);
        Assert.Equal("1.2.3", (string?)driver["version"]);
        var rules = driver["rules"]!.AsArray();
        Assert.Equal(["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003"], rules.Select(rule => (string?)rule!["id"]));
        Assert.Equal(["9.8", "6.9", "0.0"], rules.Select(rule => (string?)rule!["properties"]!["security-severity"]));
        Assert.Equal(["error", "warning", "note"], rules.Select(rule => (string?)rule!["defaultConfiguration"]!["level"]));
        Assert.Equal("https://example.test/1", (string?)rules[0]!["helpUri"]);
        Assert.Null(rules[2]!["helpUri"]);
        Assert.Equal("Heap overflow.", (string?)rules[0]!["fullDescription"]!["text"]);

        var results = run["results"]!.AsArray();
        Assert.Equal(4, results.Count);
        Assert.Equal([0, 0, 1, 2], results.Select(result => (int)result!["ruleIndex"]!));
        Assert.Equal("team/api", (string?)results[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Contains($"{Image.ImageUri}@{Image.Digest}", (string?)results[0]!["message"]!["text"], StringComparison.Ordinal);
        Assert.All(results, result => Assert.Null(result!["suppressions"]));
    }

    [Fact]
    public void An_ignored_finding_carries_an_accepted_suppression_with_its_reason_and_a_file_path_locates_the_result()
    {
        var ignores = ScanIgnoreList.On([new ScanIgnore("CVE-2024-0001", null, "not reachable")], new DateOnly(2026, 12, 6));

        var log = Create(ignores, new ScanFinding("CVE-2024-0001", "HIGH", "openssl", "3.0.1", null) { FilePath = "/usr/lib/libssl.so.3", FixAvailable = "NO" });

        var result = log["runs"]![0]!["results"]![0]!;
        var suppression = Assert.Single(result["suppressions"]!.AsArray())!;
        Assert.Equal(("external", "accepted", "not reachable"), ((string?)suppression["kind"], (string?)suppression["status"], (string?)suppression["justification"]));
        Assert.Equal("usr/lib/libssl.so.3", (string?)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal("NO", (string?)result["properties"]!["fixAvailable"]);
        Assert.Contains("No fix is available yet.", (string?)result["message"]!["text"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CRITICAL", null, "9.5")]
    [InlineData("HIGH", 7.5, "7.5")]
    [InlineData("HIGH", 9.8, "8.9")]
    [InlineData("LOW", null, "2.0")]
    [InlineData("UNTRIAGED", 5.0, "0.0")]
    public void Security_severity_stays_in_the_band_of_ECRs_severity(string severity, double? score, string expected)
    {
        Assert.Equal(expected, SarifSecuritySeverity.Score(severity, score));
    }
}
