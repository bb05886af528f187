using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.PullThrough;

/// <summary>
/// The cheat sheet's pull-through cache rule commands with the real AWS CLI v2, and ECR's validation. The installed v2
/// predates <c>credentialArn</c>, <c>upstreamRegistry</c> and Update/ValidatePullThroughCacheRule, so those parts run
/// with the (current) AWS CLI v1.
/// </summary>
public sealed class PullThroughCliTests : IAsyncLifetime
{
    private const string DockerHubSecret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub";

    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;
    private AwsCli awsV1 = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
        awsV1 = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Rules_are_created_described_updated_validated_and_deleted()
    {
        var created = await awsV1.JsonAsync("create-pull-through-cache-rule", "--ecr-repository-prefix", "docker-hub", "--upstream-registry-url", "registry-1.docker.io", "--credential-arn", DockerHubSecret);
        Assert.Equal("docker-hub", created["ecrRepositoryPrefix"]!.GetValue<string>());
        Assert.Equal("registry-1.docker.io", created["upstreamRegistryUrl"]!.GetValue<string>());
        Assert.Equal("docker-hub", created["upstreamRegistry"]!.GetValue<string>());
        Assert.Equal(DockerHubSecret, created["credentialArn"]!.GetValue<string>());
        Assert.Equal("ROOT", created["upstreamRepositoryPrefix"]!.GetValue<string>());
        Assert.Equal("123456789012", created["registryId"]!.GetValue<string>());
        Assert.NotNull(created["createdAt"]);

        await aws.RunAsync("create-pull-through-cache-rule", "--ecr-repository-prefix", "local/", "--upstream-registry-url", TestEnvironment.Registry);
        var all = await aws.RunAsync("describe-pull-through-cache-rules", "--query", "pullThroughCacheRules[].ecrRepositoryPrefix", "--output", "text");
        Assert.Equal("docker-hub\tlocal", all.Trim());
        var one = await aws.JsonAsync("describe-pull-through-cache-rules", "--ecr-repository-prefixes", "local");
        Assert.Equal(TestEnvironment.Registry, one["pullThroughCacheRules"]!.AsArray().Single()!["upstreamRegistryUrl"]!.GetValue<string>());

        var duplicate = await aws.RunRawAsync(null, "create-pull-through-cache-rule", "--ecr-repository-prefix", "local", "--upstream-registry-url", TestEnvironment.Registry);
        Assert.Contains("PullThroughCacheRuleAlreadyExistsException", duplicate.StandardError, StringComparison.Ordinal);

        var updated = await awsV1.JsonAsync("update-pull-through-cache-rule", "--ecr-repository-prefix", "docker-hub", "--credential-arn", DockerHubSecret + "-2");
        Assert.Equal(DockerHubSecret + "-2", updated["credentialArn"]!.GetValue<string>());
        Assert.NotNull(updated["updatedAt"]);

        var valid = await awsV1.JsonAsync("validate-pull-through-cache-rule", "--ecr-repository-prefix", "local");
        Assert.True(valid["isValid"]!.GetValue<bool>(), valid.ToJsonString());
        var offline = await awsV1.JsonAsync("validate-pull-through-cache-rule", "--ecr-repository-prefix", "docker-hub");
        Assert.False(offline["isValid"]!.GetValue<bool>());
        Assert.NotNull(offline["failure"]);

        var deleted = await aws.JsonAsync("delete-pull-through-cache-rule", "--ecr-repository-prefix", "docker-hub");
        Assert.Equal("registry-1.docker.io", deleted["upstreamRegistryUrl"]!.GetValue<string>());
        var again = await aws.RunRawAsync(null, "delete-pull-through-cache-rule", "--ecr-repository-prefix", "docker-hub");
        Assert.Contains("PullThroughCacheRuleNotFoundException", again.StandardError, StringComparison.Ordinal);
        var missing = await aws.RunRawAsync(null, "describe-pull-through-cache-rules", "--ecr-repository-prefixes", "docker-hub");
        Assert.Contains("PullThroughCacheRuleNotFoundException", missing.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UnsupportedUpstreamRegistryException", "--ecr-repository-prefix", "mirror", "--upstream-registry-url", "registry.example.com")]
    [InlineData("credentialArn", "--ecr-repository-prefix", "docker-hub", "--upstream-registry-url", "registry-1.docker.io")]
    [InlineData("credentialArn", "--ecr-repository-prefix", "ghcr", "--upstream-registry-url", "ghcr.io", "--credential-arn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:my-github-token")]
    [InlineData("ecrRepositoryPrefix", "--ecr-repository-prefix", "Upper/Case", "--upstream-registry-url", "public.ecr.aws")]
    [InlineData("ecrRepositoryPrefix", "--ecr-repository-prefix", "a-prefix-that-is-longer-than-thirty", "--upstream-registry-url", "public.ecr.aws")]
    public async Task Invalid_rules_are_refused(string expected, params string[] arguments)
    {
        var result = await awsV1.RunRawAsync(null, ["create-pull-through-cache-rule", .. arguments]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Empty((await aws.JsonAsync("describe-pull-through-cache-rules"))["pullThroughCacheRules"]!.AsArray());
    }

    [Fact]
    public async Task Public_registries_without_credentials_are_accepted()
    {
        foreach (var (prefix, url, kind) in new[] { ("ecr-public", "public.ecr.aws", "ecr-public"), ("quay", "quay.io", "quay"), ("k8s", "registry.k8s.io", "k8s") })
        {
            var created = await awsV1.JsonAsync("create-pull-through-cache-rule", "--ecr-repository-prefix", prefix, "--upstream-registry-url", url);
            Assert.Equal(kind, created["upstreamRegistry"]!.GetValue<string>());
        }

        // The CLI pages through with --max-results 2 and hands back its own NextToken.
        var rules = await aws.JsonAsync("describe-pull-through-cache-rules", "--max-items", "2");
        Assert.Equal(2, rules["pullThroughCacheRules"]!.AsArray().Count);
        Assert.NotNull(rules["NextToken"]);
        var paged = await aws.RunAsync("describe-pull-through-cache-rules", "--query", "pullThroughCacheRules[].ecrRepositoryPrefix", "--output", "text", "--page-size", "1");
        // One line per page of one rule: the CLI followed LocalEcr's nextToken twice.
        Assert.Equal(["ecr-public", "quay", "k8s"], paged.Trim().Split('\n'));
    }
}
