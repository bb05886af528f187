using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.IntegrationTests.Aws;
using EcrPublish.Publishing;
using EcrPublish.Scanning;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Scanning;

/// <summary>
/// The publish's scan step (<see cref="ImageScanStep"/>) against moto: moto answers DescribeImageScanFindings with the
/// enhanced-scanning response it is given through its API (ECR's shapes: enhancedFindings with fixAvailable, the
/// enhanced statuses), or with its built-in basic finding. The SARIF files are checked with Microsoft's SARIF
/// multitool and with ajv against the SARIF 2.1.0 schema.
/// </summary>
public sealed class MotoScanGateTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly EcrApiClient _ecr = MotoClientFactory.Create();
    private readonly string _folder = Directory.CreateTempSubdirectory("ecrpub-scangate-").FullName;

    public void Dispose()
    {
        _ecr.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Only_fixable_findings_not_ignored_fail_the_gate_and_the_SARIF_file_written_first_passes_independent_validators()
    {
        var (repository, digest) = await PushImageAsync();
        await GiveMotoEnhancedFindingsAsync(repository, digest, "ACTIVE", "Continuous scan is selected for image.",
            Enhanced("CVE-2026-1001", "CRITICAL", "NO", 9.8, "glibc", "2.36-9", null),
            Enhanced("CVE-2026-1002", "HIGH", "YES", 7.5, "openssl", "3.0.11", "3.0.13"),
            Enhanced("CVE-2026-1003", "HIGH", "PARTIAL", 8.1, "curl", "7.88.1", "7.88.2"),
            Enhanced("CVE-2026-1004", "MEDIUM", "YES", 5.3, "zlib", "1.2.13", "1.3"));
        var sarif = Path.Combine(_folder, "reports", "scan.sarif");
        var log = new RecordingPublishLog();
        var settings = new ScanSettings(ScanMode.Start, TimeSpan.FromSeconds(60), FindingSeverity.High)
        {
            Ignores =
            [
                new ScanIgnore("cve-2026-1002", Today.AddDays(30), "only reachable behind the WAF"),
                new ScanIgnore("CVE-2026-1003", Today.AddDays(-1), "waiting for the curl backport"),
            ],
            FailOnFixableOnly = true,
            SarifFile = sarif,
        };

        var error = await Assert.ThrowsAsync<EcrPublishException>(() => RunAsync(repository, digest, settings, log));

        Assert.Equal(ScanErrorCodes.FindingsAboveThreshold, error.Code);
        Assert.Contains("1 HIGH finding(s) with a fix", error.Message, StringComparison.Ordinal);
        var expired = Assert.Single(log.Warnings);
        Assert.Equal(ScanErrorCodes.IgnoreExpired, expired.Code);
        Assert.Contains($"CVE-2026-1003 expired on {Today.AddDays(-1):yyyy-MM-dd}", expired.Message, StringComparison.Ordinal);
        Assert.Contains("1 finding(s) at or above the threshold not counted because no fix exists", log.Text, StringComparison.Ordinal);
        Assert.Contains($"ignored until {Today.AddDays(30):yyyy-MM-dd}: only reachable behind the WAF", log.Text, StringComparison.Ordinal);
        Assert.Contains("FIX", log.Text, StringComparison.Ordinal);

        var document = JsonNode.Parse(await File.ReadAllTextAsync(sarif))!;
        var results = document["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(["CVE-2026-1001", "CVE-2026-1002", "CVE-2026-1003", "CVE-2026-1004"], results.Select(result => (string?)result!["ruleId"]));
        Assert.Equal("only reachable behind the WAF", (string?)results[1]!["suppressions"]![0]!["justification"]);
        Assert.Null(results[2]!["suppressions"]);
        Assert.Equal("usr/lib/x86_64-linux-gnu/libcurl.so.4", (string?)results[2]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal(["9.8", "7.5", "8.1", "5.3"], document["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Select(rule => (string?)rule!["properties"]!["security-severity"]));
        await AssertValidSarifAsync(sarif);
    }

    [Fact]
    public async Task When_every_finding_above_the_threshold_is_ignored_or_has_no_fix_the_publish_goes_on()
    {
        var (repository, digest) = await PushImageAsync();
        await GiveMotoEnhancedFindingsAsync(repository, digest, "ACTIVE", "Continuous scan is selected for image.",
            Enhanced("CVE-2026-2001", "CRITICAL", "NO", 9.1, "glibc", "2.36-9", null),
            Enhanced("CVE-2026-2002", "HIGH", "YES", 7.2, "openssl", "3.0.11", "3.0.13"));
        var sarif = Path.Combine(_folder, "scan.sarif");
        var log = new RecordingPublishLog();
        var settings = new ScanSettings(ScanMode.Start, TimeSpan.FromSeconds(60), FindingSeverity.High)
        {
            Ignores = [new ScanIgnore("CVE-2026-2002", null, null)],
            FailOnFixableOnly = true,
            SarifFile = sarif,
        };

        var result = await RunAsync(repository, digest, settings, log);

        Assert.Equal("ACTIVE", result!.Status);
        Assert.Equal(2, result.Findings.Count);
        Assert.Empty(log.Warnings);
        Assert.Contains("1 finding(s) at or above the threshold not counted: ignored by EcrScanIgnore (CVE-2026-2002)", log.Text, StringComparison.Ordinal);
        Assert.Contains("1 finding(s) at or above the threshold not counted because no fix exists", log.Text, StringComparison.Ordinal);
        Assert.Contains("Enhanced scanning (Amazon Inspector) scans this image continuously", log.Text, StringComparison.Ordinal);
        Assert.Equal("EcrScanIgnore CVE-2026-2002", (string?)JsonNode.Parse(await File.ReadAllTextAsync(sarif))!["runs"]![0]!["results"]![1]!["suppressions"]![0]!["justification"]);
        await AssertValidSarifAsync(sarif);
    }

    [Fact]
    public async Task FINDINGS_UNAVAILABLE_under_a_gate_fails_with_what_it_means()
    {
        var (repository, digest) = await PushImageAsync();
        await GiveMotoEnhancedFindingsAsync(repository, digest, "FINDINGS_UNAVAILABLE", "Findings are not available for this image.");

        var error = await Assert.ThrowsAsync<EcrPublishException>(() =>
            RunAsync(repository, digest, new ScanSettings(ScanMode.Start, TimeSpan.FromSeconds(60), FindingSeverity.Critical), new RecordingPublishLog()));

        Assert.Equal(ScanErrorCodes.ScanDidNotComplete, error.Code);
        Assert.Contains("ended FINDINGS_UNAVAILABLE (Findings are not available for this image.)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check Amazon Inspector for the account", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SCAN_ELIGIBILITY_EXPIRED_without_a_gate_warns_and_the_SARIF_file_has_no_results()
    {
        var (repository, digest) = await PushImageAsync();
        await GiveMotoEnhancedFindingsAsync(repository, digest, "SCAN_ELIGIBILITY_EXPIRED", "Continuous scanning is suspended for this image.");
        var sarif = Path.Combine(_folder, "scan.sarif");
        var log = new RecordingPublishLog();

        var result = await RunAsync(repository, digest, new ScanSettings(ScanMode.Start, TimeSpan.FromSeconds(60), null) { SarifFile = sarif }, log);

        Assert.Equal("SCAN_ELIGIBILITY_EXPIRED", result!.Status);
        var warning = Assert.Single(log.Warnings);
        Assert.Equal(ScanErrorCodes.NoFindingsToReport, warning.Code);
        Assert.Contains("re-scan duration", warning.Message, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(await File.ReadAllTextAsync(sarif))!["runs"]![0]!["results"]!.AsArray());
        await AssertValidSarifAsync(sarif);
    }

    [Fact]
    public async Task Fixable_only_on_a_basic_scan_counts_its_findings_and_says_why()
    {
        // No response given: moto answers its built-in basic finding, CVE-9999-9999 (HIGH, no fixAvailable).
        var (repository, digest) = await PushImageAsync();
        var log = new RecordingPublishLog();

        var error = await Assert.ThrowsAsync<EcrPublishException>(() => RunAsync(
            repository, digest, new ScanSettings(ScanMode.Start, TimeSpan.FromSeconds(60), FindingSeverity.High) { FailOnFixableOnly = true }, log));

        Assert.Equal(ScanErrorCodes.FindingsAboveThreshold, error.Code);
        Assert.Equal(ScanErrorCodes.NoFixInformation, Assert.Single(log.Warnings).Code);
        Assert.Contains("CVE-9999-9999", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validators_reject_a_spoilt_copy_of_a_SARIF_file_EcrPublish_wrote()
    {
        var (repository, digest) = await PushImageAsync();
        await GiveMotoEnhancedFindingsAsync(repository, digest, "ACTIVE", "Continuous scan is selected for image.",
            Enhanced("CVE-2026-3001", "LOW", "YES", 3.1, "zlib", "1.2.13", "1.3"));
        var sarif = Path.Combine(_folder, "scan.sarif");
        await RunAsync(repository, digest, new ScanSettings(ScanMode.Start, TimeSpan.FromSeconds(60), null) { SarifFile = sarif }, new RecordingPublishLog());
        await AssertValidSarifAsync(sarif);

        // The multitool reports a missing required property; it lets an unknown enum value through, which ajv does not.
        var withoutMessage = JsonNode.Parse(await File.ReadAllTextAsync(sarif))!;
        withoutMessage["runs"]![0]!["results"]![0]!.AsObject().Remove("message");
        var spoiltStructure = Path.Combine(_folder, "without-message.sarif");
        await File.WriteAllTextAsync(spoiltStructure, withoutMessage.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.Contains(await SarifValidators.MultitoolErrorsAsync(spoiltStructure), error => error.StartsWith("JSON1002", StringComparison.Ordinal));

        var badLevel = JsonNode.Parse(await File.ReadAllTextAsync(sarif))!;
        badLevel["runs"]![0]!["results"]![0]!["level"] = "severe";
        var spoiltLevel = Path.Combine(_folder, "bad-level.sarif");
        await File.WriteAllTextAsync(spoiltLevel, badLevel.ToJsonString());
        var schema = await SarifValidators.SchemaAsync(spoiltLevel);
        Assert.NotEqual(0, schema.ExitCode);
        Assert.Contains("/runs/0/results/0/level", schema.StandardOutput, StringComparison.Ordinal);
    }

    private Task<ScanResult?> RunAsync(string repository, string digest, ScanSettings settings, RecordingPublishLog log) =>
        new ImageScanStep(_ecr, log, TimeProvider.System).RunAsync(
            repository, null, [digest], repositoryScansOnPush: false, settings,
            new SarifImage(repository, $"{MotoClientFactory.Account}.dkr.ecr.us-east-1.amazonaws.com/{repository}", digest), CancellationToken.None);

    private static async Task AssertValidSarifAsync(string sarif)
    {
        Assert.Empty(await SarifValidators.MultitoolErrorsAsync(sarif));
        var schema = await SarifValidators.SchemaAsync(sarif);
        Assert.True(schema.ExitCode == 0, schema.Output);
        Assert.Equal("valid", schema.StandardOutput.Trim());
    }

    private async Task<(string Repository, string Digest)> PushImageAsync()
    {
        var repository = MotoClientFactory.UniqueName("ecrpub-scangate");
        await _ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = repository });
        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
             "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1234,"digest":"sha256:{{new string('c', 64)}}"},
             "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":99,"digest":"sha256:{{new string('d', 64)}}"}]}
            """;
        var put = await _ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = manifest, ImageTag = "v1" });
        return (repository, put.Image!.ImageId!.ImageDigest!);
    }

    // moto's documented way to answer DescribeImageScanFindings for one image with a given response (moto-api).
    private static async Task GiveMotoEnhancedFindingsAsync(string repository, string digest, string status, string description, params JsonObject[] findings)
    {
        var counts = new JsonObject();
        foreach (var group in findings.GroupBy(finding => (string)finding["severity"]!))
        {
            counts[group.Key] = group.Count();
        }

        var response = new JsonObject
        {
            ["registryId"] = MotoClientFactory.Account,
            ["repositoryName"] = repository,
            ["imageId"] = new JsonObject { ["imageDigest"] = digest },
            ["imageScanStatus"] = new JsonObject { ["status"] = status, ["description"] = description },
            ["imageScanFindings"] = new JsonObject
            {
                ["findingSeverityCounts"] = counts,
                ["enhancedFindings"] = new JsonArray([.. findings]),
            },
        };
        using var http = new HttpClient();
        // moto reads Content-Length, so the body goes in one piece rather than chunked.
        using var body = new StringContent(new JsonObject { ["results"] = new JsonArray(response), ["region"] = "us-east-1" }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var answer = await http.PostAsync($"{TestEnvironment.MotoUrl.TrimEnd('/')}/moto-api/static/ecr/scan-finding-results", body);
        answer.EnsureSuccessStatusCode();
    }

    private static JsonObject Enhanced(string cve, string severity, string fixAvailable, double score, string package, string version, string? fixedIn)
    {
        var vulnerable = new JsonObject
        {
            ["name"] = package,
            ["version"] = version,
            ["arch"] = "X86_64",
            ["packageManager"] = "OS",
            ["filePath"] = $"/usr/lib/x86_64-linux-gnu/lib{package}.so.4",
        };
        if (fixedIn is not null)
        {
            vulnerable["fixedInVersion"] = fixedIn;
        }

        return new JsonObject
        {
            ["awsAccountId"] = MotoClientFactory.Account,
            ["description"] = $"A flaw in {package} lets a remote attacker do harm ({cve}).",
            ["findingArn"] = $"arn:aws:inspector2:us-east-1:{MotoClientFactory.Account}:finding/{Guid.NewGuid():N}",
            ["packageVulnerabilityDetails"] = new JsonObject
            {
                ["vulnerabilityId"] = cve,
                ["source"] = "NVD",
                ["sourceUrl"] = $"https://nvd.nist.gov/vuln/detail/{cve}",
                ["cvss"] = new JsonArray(new JsonObject { ["baseScore"] = score, ["scoringVector"] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", ["source"] = "NVD", ["version"] = "3.1" }),
                ["vulnerablePackages"] = new JsonArray(vulnerable),
            },
            ["score"] = score,
            ["severity"] = severity,
            ["status"] = "ACTIVE",
            ["title"] = $"{cve} - {package}",
            ["type"] = "PACKAGE_VULNERABILITY",
            ["fixAvailable"] = fixAvailable,
            ["exploitAvailable"] = "NO",
        };
    }
}
