using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>The cheat sheet's lifecycle, repository policy, replication, registry and enhanced-scanning commands.</summary>
public sealed class PolicyCommandParityTests
{
    [Fact]
    public async Task Lifecycle_and_repository_policies_from_files()
    {
        var run = new CliParityRunner("policy");
        var lifecycle = CheatSheetFiles.Write("lifecycle-policy.json", CheatSheetFiles.LifecyclePolicy);
        var repositoryPolicy = CheatSheetFiles.Write("repo-policy.json", CheatSheetFiles.RepositoryPolicy);

        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("put-lifecycle-policy", "--repository-name", "REPO/backend", "--lifecycle-policy-text", lifecycle);
        var stored = await run.AssertSameAsync("get-lifecycle-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("get-lifecycle-policy", "--repository-name", "REPO/backend", "--output", "yaml");
        await run.AssertSameAsync("delete-lifecycle-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("get-lifecycle-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("set-repository-policy", "--repository-name", "REPO/backend", "--policy-text", repositoryPolicy);
        await run.AssertSameAsync("get-repository-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("get-repository-policy", "--repository-name", "REPO/backend", "--output", "table");
        await run.AssertSameAsync("get-repository-policy", "--repository-name", "REPO/backend", "--output", "yaml");
        await run.AssertSameAsync("delete-repository-policy", "--repository-name", "REPO/backend");

        Assert.Contains("Keep last 50 production images", stored.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_wide_settings()
    {
        await CliParityRunner.AssertSameSequentiallyAsync("put-replication-configuration",
            "--replication-configuration", CheatSheetFiles.Write("replication-config.json", CheatSheetFiles.ReplicationConfiguration));
        await CliParityRunner.AssertSameSequentiallyAsync("describe-registry");
        await CliParityRunner.AssertSameSequentiallyAsync("describe-registry", "--output", "text");
        await CliParityRunner.AssertSameSequentiallyAsync("put-registry-policy",
            "--policy-text", CheatSheetFiles.Write("registry-policy.json", CheatSheetFiles.RegistryPolicy));
        await CliParityRunner.AssertSameSequentiallyAsync("get-registry-policy");
        await CliParityRunner.AssertSameSequentiallyAsync("put-registry-scanning-configuration", "--scan-type", "ENHANCED",
            "--rules", """[{"repositoryFilters":[{"filter":"prod/*","filterType":"WILDCARD"}],"scanFrequency":"CONTINUOUS_SCAN"}]""");
        await CliParityRunner.AssertSameSequentiallyAsync("get-registry-scanning-configuration");
        await CliParityRunner.AssertSameSequentiallyAsync("get-registry-scanning-configuration", "--output", "table");
        var basic = await CliParityRunner.AssertSameSequentiallyAsync("put-registry-scanning-configuration", "--scan-type", "BASIC", "--rules", "[]");

        Assert.Equal(0, basic.ExitCode);
    }
}
