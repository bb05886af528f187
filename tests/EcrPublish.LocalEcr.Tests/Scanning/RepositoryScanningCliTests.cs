using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Scanning;

/// <summary>
/// The cheat sheet's registry scanning settings with the real AWS CLI v2: BatchGetRepositoryScanningConfiguration shows
/// which rule applies to each repository, and an ENHANCED registry reports enhanced statuses.
/// </summary>
public sealed class RepositoryScanningCliTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
        foreach (var name in new[] { "prod/api", "dev/api", "legacy" })
        {
            await aws.RunAsync("create-repository", "--repository-name", name);
        }
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Basic_registry_reports_scan_on_push_for_matching_repositories_and_manual_for_the_rest()
    {
        await aws.RunAsync("put-registry-scanning-configuration", "--scan-type", "BASIC", "--rules",
            """[{"scanFrequency":"SCAN_ON_PUSH","repositoryFilters":[{"filter":"prod","filterType":"WILDCARD"},{"filter":"*api","filterType":"WILDCARD"}]}]""");
        await aws.RunAsync("put-image-scanning-configuration", "--repository-name", "legacy", "--image-scanning-configuration", "scanOnPush=true");

        var result = await aws.JsonAsync("batch-get-repository-scanning-configuration", "--repository-names", "prod/api", "dev/api", "legacy", "missing");
        var byName = result["scanningConfigurations"]!.AsArray().ToDictionary(entry => entry!["repositoryName"]!.GetValue<string>(), entry => entry!);
        Assert.Equal("SCAN_ON_PUSH", byName["prod/api"]["scanFrequency"]!.GetValue<string>());
        Assert.True(byName["prod/api"]["scanOnPush"]!.GetValue<bool>());
        Assert.Equal(["prod", "*api"], Filters(byName["prod/api"]));
        Assert.Equal(["*api"], Filters(byName["dev/api"]));
        Assert.Equal("arn:aws:ecr:us-east-1:123456789012:repository/dev/api", byName["dev/api"]["repositoryArn"]!.GetValue<string>());

        // No rule matches: the repository's own (deprecated) scanOnPush decides.
        Assert.Equal("SCAN_ON_PUSH", byName["legacy"]["scanFrequency"]!.GetValue<string>());
        Assert.Empty(Filters(byName["legacy"]));
        await aws.RunAsync("put-image-scanning-configuration", "--repository-name", "legacy", "--image-scanning-configuration", "scanOnPush=false");
        var manual = await aws.RunAsync("batch-get-repository-scanning-configuration", "--repository-names", "legacy", "--query", "scanningConfigurations[0].[scanFrequency,scanOnPush]", "--output", "text");
        Assert.Equal("MANUAL\tFalse", manual.Trim());

        var failure = result["failures"]!.AsArray().Single()!;
        Assert.Equal("missing", failure["repositoryName"]!.GetValue<string>());
        Assert.Equal("REPOSITORY_NOT_FOUND", failure["failureCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enhanced_registry_prefers_continuous_scanning_and_disables_unmatched_repositories()
    {
        await aws.RunAsync("put-registry-scanning-configuration", "--scan-type", "ENHANCED", "--rules",
            """[{"scanFrequency":"SCAN_ON_PUSH","repositoryFilters":[{"filter":"*api","filterType":"WILDCARD"}]},{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"prod*","filterType":"WILDCARD"}]}]""");
        await aws.RunAsync("put-image-scanning-configuration", "--repository-name", "legacy", "--image-scanning-configuration", "scanOnPush=true");
        var result = await aws.JsonAsync("batch-get-repository-scanning-configuration", "--repository-names", "prod/api", "dev/api", "legacy");
        var frequencies = result["scanningConfigurations"]!.AsArray().Select(entry => $"{entry!["repositoryName"]}={entry["scanFrequency"]}").Order(StringComparer.Ordinal);
        Assert.Equal(["dev/api=SCAN_ON_PUSH", "legacy=MANUAL", "prod/api=CONTINUOUS_SCAN"], frequencies);

        using var registry = await ecr.RegistryAsync();
        foreach (var name in new[] { "prod/api", "dev/api", "legacy" })
        {
            await registry.PushImageAsync(name, "v1");
        }

        var continuous = await aws.JsonAsync("describe-image-scan-findings", "--repository-name", "prod/api", "--image-id", "imageTag=v1");
        Assert.Equal("FINDINGS_UNAVAILABLE", continuous["imageScanStatus"]!["status"]!.GetValue<string>());
        Assert.Null(continuous["imageScanFindings"]);
        var disabled = await aws.RunRawAsync(null, "describe-image-scan-findings", "--repository-name", "legacy", "--image-id", "imageTag=v1");
        Assert.Contains("ScanNotFoundException", disabled.StandardError, StringComparison.Ordinal);

        // Continuous scanning is suspended for images not pushed in the past 30 days; scan on push is not.
        // (The CLI signs with the real time, so this part is signed at LocalEcr's moved clock by the test client.)
        ecr.Clock.Offset = TimeSpan.FromDays(31);
        var signedAt = ecr.Clock.GetUtcNow().UtcDateTime;
        var expired = (await ecr.Ecr.CallAsync("DescribeImageScanFindings", """{"repositoryName":"prod/api","imageId":{"imageTag":"v1"}}""", signedAt)).Ok();
        Assert.Equal("SCAN_ELIGIBILITY_EXPIRED", expired["imageScanStatus"]!["status"]!.GetValue<string>());
        var onPush = (await ecr.Ecr.CallAsync("DescribeImageScanFindings", """{"repositoryName":"dev/api","imageId":{"imageTag":"v1"}}""", signedAt)).Ok();
        Assert.Equal("FINDINGS_UNAVAILABLE", onPush["imageScanStatus"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_than_25_repository_names_are_refused()
    {
        var names = Enumerable.Range(0, 26).Select(i => $"repo-{i}").ToArray();
        var result = await aws.RunRawAsync(null, ["batch-get-repository-scanning-configuration", "--repository-names", .. names]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Member must have length between 1 and 25", result.StandardError, StringComparison.Ordinal);
    }

    private static List<string> Filters(JsonNode configuration) =>
        configuration["appliedScanFilters"]!.AsArray().Select(filter => filter!["filter"]!.GetValue<string>()).ToList();
}
