using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>The cheat sheet's lifecycle, repository policy, replication, registry and enhanced-scanning commands, against AWS CLI v2 and v1.</summary>
public sealed class PolicyCommandParityTests
{
    // v2 only: every v1 difference this exercises (epoch timestamps, exit code 255) is covered by the tests that run both.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Lifecycle_and_repository_policies_from_files(AwsCliVersion cli)
    {
        var run = new CliParityRunner("policy", cli: cli);
        var lifecycle = CheatSheetFiles.Write("lifecycle-policy.json", CheatSheetFiles.LifecyclePolicy);
        var repositoryPolicy = CheatSheetFiles.Write("repo-policy.json", CheatSheetFiles.RepositoryPolicy);

        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("put-lifecycle-policy", "--repository-name", "REPO/backend", "--lifecycle-policy-text", lifecycle);
        var stored = await run.AssertSameAsync("get-lifecycle-policy", "--repository-name", "REPO/backend");
        if (run.HasYamlOutput)
        {
            await run.AssertSameAsync("get-lifecycle-policy", "--repository-name", "REPO/backend", "--output", "yaml");
        }

        await run.AssertSameAsync("delete-lifecycle-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("get-lifecycle-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("set-repository-policy", "--repository-name", "REPO/backend", "--policy-text", repositoryPolicy);
        await run.AssertSameAsync("get-repository-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("get-repository-policy", "--repository-name", "REPO/backend", "--output", "table");
        if (run.HasYamlOutput)
        {
            await run.AssertSameAsync("get-repository-policy", "--repository-name", "REPO/backend", "--output", "yaml");
        }

        await run.AssertSameAsync("delete-repository-policy", "--repository-name", "REPO/backend");

        Assert.Contains("Keep last 50 production images", stored.StandardOutput, StringComparison.Ordinal);
    }

    // v2 only: every v1 difference this exercises (epoch timestamps, exit code 255) is covered by the tests that run both.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Registry_wide_settings(AwsCliVersion cli)
    {
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "put-replication-configuration",
            "--replication-configuration", CheatSheetFiles.Write("replication-config.json", CheatSheetFiles.ReplicationConfiguration));
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "describe-registry");
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "describe-registry", "--output", "text");
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "put-registry-policy",
            "--policy-text", CheatSheetFiles.Write("registry-policy.json", CheatSheetFiles.RegistryPolicy));
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "get-registry-policy");
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "put-registry-scanning-configuration", "--scan-type", "ENHANCED",
            "--rules", """[{"repositoryFilters":[{"filter":"prod/*","filterType":"WILDCARD"}],"scanFrequency":"CONTINUOUS_SCAN"}]""");
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "get-registry-scanning-configuration");
        await CliParityRunner.AssertSameSequentiallyAsync(cli, "get-registry-scanning-configuration", "--output", "table");
        var basic = await CliParityRunner.AssertSameSequentiallyAsync(cli, "put-registry-scanning-configuration", "--scan-type", "BASIC", "--rules", "[]");

        Assert.Equal(0, basic.ExitCode);
    }

    /// <summary>
    /// moto has no pull-through cache (it answers 500); dotnet ecr retries and reports that exactly as v2 does. v1 is
    /// not compared here: its legacy retry mode makes five attempts where v2 (and dotnet ecr) make three.
    /// </summary>
    [Fact]
    public async Task Pull_through_cache_commands_report_the_server_error_as_the_aws_cli_does()
    {
        await CliParityRunner.AssertSameSequentiallyAsync("create-pull-through-cache-rule", "--ecr-repository-prefix", "docker-hub", "--upstream-registry-url", "registry-1.docker.io");
        await CliParityRunner.AssertSameSequentiallyAsync("describe-pull-through-cache-rules");
        var deleted = await CliParityRunner.AssertSameSequentiallyAsync("delete-pull-through-cache-rule", "--ecr-repository-prefix", "docker-hub");

        Assert.Contains("when calling the DeletePullThroughCacheRule operation (reached max retries: 2)", deleted.StandardError, StringComparison.Ordinal);
    }
}
