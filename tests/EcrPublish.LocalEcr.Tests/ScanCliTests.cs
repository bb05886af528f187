using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// Basic scanning with the real AWS CLI v2: the test base image (copied in with skopeo) is scanned against the test
/// OSV feed in VulnDb/, whose zlib and icu advisories match the image's real dpkg database.
/// </summary>
public sealed class ScanCliTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync(configure: options => options.VulnerabilityDatabaseDirectory = Path.Combine(AppContext.BaseDirectory, "VulnDb"));
        aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Start_image_scan_then_the_waiter_then_findings_of_the_base_image()
    {
        await aws.RunAsync("create-repository", "--repository-name", "base");
        await CopyBaseImageAsync("base");

        var none = await aws.RunRawAsync(null, "describe-image-scan-findings", "--repository-name", "base", "--image-id", "imageTag=10.0");
        Assert.Contains("ScanNotFoundException", none.StandardError, StringComparison.Ordinal);

        var started = await aws.JsonAsync("start-image-scan", "--repository-name", "base", "--image-id", "imageTag=10.0");
        Assert.Equal("IN_PROGRESS", started["imageScanStatus"]!["status"]!.GetValue<string>());
        var quota = await aws.RunRawAsync(null, "start-image-scan", "--repository-name", "base", "--image-id", "imageTag=10.0");
        Assert.Contains("LimitExceededException", quota.StandardError, StringComparison.Ordinal);

        await aws.RunAsync("wait", "image-scan-complete", "--repository-name", "base", "--image-id", "imageTag=10.0");
        var counts = await aws.JsonAsync("describe-image-scan-findings", "--repository-name", "base", "--image-id", "imageTag=10.0",
            "--query", "imageScanFindings.findingSeverityCounts");
        Assert.Equal("""{"HIGH":1,"MEDIUM":1}""", counts.ToJsonString());

        var all = await aws.JsonAsync("describe-image-scan-findings", "--repository-name", "base", "--image-id", "imageTag=10.0");
        Assert.Equal("COMPLETE", all["imageScanStatus"]!["status"]!.GetValue<string>());
        var findings = all["imageScanFindings"]!["findings"]!.AsArray();
        Assert.Equal(["LOCALECR-TEST-2026-0001", "LOCALECR-TEST-2026-0002"], findings.Select(finding => finding!["name"]!.GetValue<string>()));
        var zlib = findings[0]!;
        Assert.Equal("HIGH", zlib["severity"]!.GetValue<string>());
        Assert.Equal("https://example.invalid/LOCALECR-TEST-2026-0001", zlib["uri"]!.GetValue<string>());
        var attributes = zlib["attributes"]!.AsArray().ToDictionary(a => a!["key"]!.GetValue<string>(), a => a!["value"]!.GetValue<string>());
        Assert.Equal("zlib1g", attributes["package_name"]);
        Assert.StartsWith("1:1.2.13.dfsg-1", attributes["package_version"], StringComparison.Ordinal);
        Assert.NotNull(all["imageScanFindings"]!["imageScanCompletedAt"]);

        var paged = await aws.JsonAsync("describe-image-scan-findings", "--repository-name", "base", "--image-id", "imageTag=10.0", "--page-size", "1");
        Assert.Equal(2, paged["imageScanFindings"]!["findings"]!.AsArray().Count);
        var cut = await aws.JsonAsync("describe-image-scan-findings", "--repository-name", "base", "--image-id", "imageTag=10.0", "--max-items", "1");
        Assert.Single(cut["imageScanFindings"]!["findings"]!.AsArray());
        Assert.NotNull(cut["NextToken"]);

        // A day later the quota allows another scan (signed with the moved clock, which the CLI cannot do).
        ecr.Clock.Offset += TimeSpan.FromHours(25);
        var later = await ecr.Ecr.CallAsync("StartImageScan", """{"repositoryName":"base","imageId":{"imageTag":"10.0"}}""", ecr.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal("IN_PROGRESS", later.Ok()["imageScanStatus"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scan_on_push_by_repository_setting_and_by_registry_rule()
    {
        await aws.RunAsync("create-repository", "--repository-name", "scanned", "--image-scanning-configuration", "scanOnPush=true");
        await CopyBaseImageAsync("scanned");
        await aws.RunAsync("wait", "image-scan-complete", "--repository-name", "scanned", "--image-id", "imageTag=10.0");
        var counts = await aws.JsonAsync("describe-image-scan-findings", "--repository-name", "scanned", "--image-id", "imageTag=10.0",
            "--query", "imageScanFindings.findingSeverityCounts");
        Assert.Equal("""{"HIGH":1,"MEDIUM":1}""", counts.ToJsonString());
        var detail = (await aws.JsonAsync("describe-images", "--repository-name", "scanned"))["imageDetails"]![0]!;
        Assert.Equal("COMPLETE", detail["imageScanStatus"]!["status"]!.GetValue<string>());
        Assert.Equal("""{"HIGH":1,"MEDIUM":1}""", detail["imageScanFindingsSummary"]!["findingSeverityCounts"]!.ToJsonString());

        var rules = """[{"scanFrequency":"SCAN_ON_PUSH","repositoryFilters":[{"filter":"prod*","filterType":"WILDCARD"}]}]""";
        var put = await aws.JsonAsync("put-registry-scanning-configuration", "--scan-type", "BASIC", "--rules", rules);
        Assert.Equal("BASIC", put["registryScanningConfiguration"]!["scanType"]!.GetValue<string>());
        var got = await aws.JsonAsync("get-registry-scanning-configuration");
        Assert.Equal(rules, got["scanningConfiguration"]!["rules"]!.ToJsonString());
        Assert.Equal("123456789012", got["registryId"]!.GetValue<string>());

        await aws.RunAsync("create-repository", "--repository-name", "prod-app");
        await aws.RunAsync("create-repository", "--repository-name", "dev-app");
        await CopyBaseImageAsync("prod-app");
        await CopyBaseImageAsync("dev-app");
        await aws.RunAsync("wait", "image-scan-complete", "--repository-name", "prod-app", "--image-id", "imageTag=10.0");
        var notScanned = await aws.RunRawAsync(null, "describe-image-scan-findings", "--repository-name", "dev-app", "--image-id", "imageTag=10.0");
        Assert.Contains("ScanNotFoundException", notScanned.StandardError, StringComparison.Ordinal);

        var badFilter = await aws.RunRawAsync(null, "put-registry-scanning-configuration", "--scan-type", "BASIC", "--rules",
            """[{"scanFrequency":"SCAN_ON_PUSH","repositoryFilters":[{"filter":"Prod!","filterType":"WILDCARD"}]}]""");
        Assert.Contains("InvalidParameterException", badFilter.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_without_a_package_database_is_unsupported()
    {
        await ecr.CreateRepositoryAsync("random");
        using var registry = await ecr.RegistryAsync();
        await registry.PushImageAsync("random", "1", layers: 1);
        (await ecr.Ecr.CallAsync("StartImageScan", """{"repositoryName":"random","imageId":{"imageTag":"1"}}""")).Ok();
        ecr.Clock.Offset += TimeSpan.FromSeconds(3);
        var status = (await ecr.Ecr.CallAsync("DescribeImageScanFindings", """{"repositoryName":"random","imageId":{"imageTag":"1"}}""", ecr.Clock.GetUtcNow().UtcDateTime)).Ok();
        Assert.Equal("UNSUPPORTED_IMAGE", status["imageScanStatus"]!["status"]!.GetValue<string>());
        Assert.Null(status["imageScanFindings"]);
    }

    private async Task CopyBaseImageAsync(string repository)
    {
        var creds = "AWS:" + await ecr.PasswordAsync();
        var result = await ProcessRunner.RunAsync(
            TestEnvironment.Skopeo,
            ["copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-creds", creds, $"docker://{TestEnvironment.AspNetBaseImage}", $"docker://{ecr.Host}/{repository}:10.0"],
            new Dictionary<string, string?> { ["REGISTRY_AUTH_FILE"] = Path.Combine(TestEnvironment.WorkDirectory, "no-auth.json") },
            timeout: TimeSpan.FromMinutes(5));
        result.EnsureSuccess();
    }
}
