using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Replication;

/// <summary>
/// The cheat sheet's replication commands with the real AWS CLI v2: the configuration is validated and stored, and an
/// image pushed to a matching repository really appears in the destination regions and accounts.
/// </summary>
public sealed class ReplicationCliTests : IAsyncLifetime
{
    // The cheat sheet's multi-region example, plus a cross-account rule without filters.
    private const string MultiRegion = """
        {
            "rules": [
                {
                    "destinations": [
                        {"region": "eu-west-1", "registryId": "123456789012"},
                        {"region": "us-west-2", "registryId": "123456789012"}
                    ],
                    "repositoryFilters": [{"filter": "prod/", "filterType": "PREFIX_MATCH"}]
                },
                {
                    "destinations": [{"region": "us-east-1", "registryId": "999999999999"}]
                }
            ]
        }
        """;

    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Describe_registry_shows_no_rules_then_the_configuration_that_was_put()
    {
        var before = await aws.JsonAsync("describe-registry");
        Assert.Equal("123456789012", before["registryId"]!.GetValue<string>());
        Assert.Empty(before["replicationConfiguration"]!["rules"]!.AsArray());

        var put = await aws.JsonAsync("put-replication-configuration", "--replication-configuration", MultiRegion);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(MultiRegion), put["replicationConfiguration"]), put.ToJsonString());

        var after = await aws.JsonAsync("describe-registry");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(MultiRegion), after["replicationConfiguration"]), after.ToJsonString());
        var regions = await aws.RunAsync("describe-registry", "--query", "replicationConfiguration.rules[0].destinations[].region", "--output", "text");
        Assert.Equal("eu-west-1\tus-west-2", regions.Trim());
    }

    [Theory]
    [InlineData("""{"rules":[{"destinations":[{"region":"eu-west-1","registryId":"12345"}]}]}""", "registryId")]
    [InlineData("""{"rules":[{"destinations":[{"region":"EU_WEST","registryId":"123456789012"}]}]}""", ".region")]
    [InlineData("""{"rules":[{"destinations":[{"region":"eu-west-1","registryId":"123456789012"}],"repositoryFilters":[{"filter":"prod/","filterType":"WILDCARD"}]}]}""", "filterType")]
    [InlineData("""{"rules":[{"destinations":[{"region":"eu-west-1","registryId":"123456789012"}],"repositoryFilters":[{"filter":"Prod*","filterType":"PREFIX_MATCH"}]}]}""", ".filter")]
    [InlineData("""{"rules":[{"destinations":[{"region":"us-east-1","registryId":"123456789012"}]}]}""", "cannot be the same as the source registry")]
    public async Task Invalid_configurations_are_refused_and_nothing_is_stored(string configuration, string expected)
    {
        var result = await aws.RunRawAsync(null, "put-replication-configuration", "--replication-configuration", configuration, "--output", "json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("InvalidParameterException", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Empty((await aws.JsonAsync("describe-registry"))["replicationConfiguration"]!["rules"]!.AsArray());
    }

    [Fact]
    public async Task More_than_ten_rules_or_twenty_five_destinations_are_refused()
    {
        var elevenRules = new JsonObject { ["rules"] = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)Rule($"eu-west-{i + 1}")).ToArray()) };
        var tooMany = await aws.RunRawAsync(null, "put-replication-configuration", "--replication-configuration", elevenRules.ToJsonString());
        Assert.NotEqual(0, tooMany.ExitCode);
        Assert.Contains("Member must have length between 0 and 10", tooMany.StandardError, StringComparison.Ordinal);

        var destinations = new JsonArray(Enumerable.Range(1, 26).Select(i => (JsonNode)new JsonObject { ["region"] = "eu-west-1", ["registryId"] = $"{i:D12}" }).ToArray());
        var wide = new JsonObject { ["rules"] = new JsonArray(new JsonObject { ["destinations"] = destinations }) };
        var tooWide = await aws.RunRawAsync(null, "put-replication-configuration", "--replication-configuration", wide.ToJsonString());
        Assert.NotEqual(0, tooWide.ExitCode);
        Assert.Contains("at most 25 unique destinations", tooWide.StandardError, StringComparison.Ordinal);

        // 25 distinct destinations (some repeated across rules) are within the quota.
        var twentyFive = new JsonArray(Enumerable.Range(1, 25).Select(i => (JsonNode)new JsonObject { ["region"] = "eu-west-1", ["registryId"] = $"{i:D12}" }).ToArray());
        var fits = new JsonObject { ["rules"] = new JsonArray(new JsonObject { ["destinations"] = twentyFive }, new JsonObject { ["destinations"] = twentyFive.DeepClone() }) };
        await aws.RunAsync("put-replication-configuration", "--replication-configuration", fits.ToJsonString());
    }

    [Fact]
    public async Task A_push_to_a_matching_repository_appears_in_every_destination_and_others_stay_local()
    {
        await aws.RunAsync("put-replication-configuration", "--replication-configuration", MultiRegion);
        await aws.RunAsync("create-repository", "--repository-name", "prod/api", "--image-tag-mutability", "IMMUTABLE");
        await aws.RunAsync("create-repository", "--repository-name", "dev/api");
        using var registry = await ecr.RegistryAsync();
        var (digest, _) = await registry.PushImageAsync("prod/api", "v1");
        await registry.PushImageAsync("dev/api", "v1");

        foreach (var region in new[] { "eu-west-1", "us-west-2" })
        {
            var images = await aws.JsonAsync("describe-images", "--repository-name", "prod/api", "--region", region);
            var image = images["imageDetails"]!.AsArray().Single()!;
            Assert.Equal(digest, image["imageDigest"]!.GetValue<string>());
            Assert.Equal("v1", image["imageTags"]![0]!.GetValue<string>());

            // Created by replication with ECR's defaults, not the source's settings.
            var repository = (await aws.JsonAsync("describe-repositories", "--repository-names", "prod/api", "--region", region))["repositories"]![0]!;
            Assert.Equal("MUTABLE", repository["imageTagMutability"]!.GetValue<string>());
            Assert.Equal($"arn:aws:ecr:{region}:123456789012:repository/prod/api", repository["repositoryArn"]!.GetValue<string>());
            Assert.Equal($"{ecr.Host}/123456789012.dkr.ecr.{region}/prod/api", repository["repositoryUri"]!.GetValue<string>());

            var missing = await aws.RunRawAsync(null, "describe-repositories", "--repository-names", "dev/api", "--region", region);
            Assert.Contains("RepositoryNotFoundException", missing.StandardError, StringComparison.Ordinal);
        }

        // The rule without filters replicates every repository to the other account.
        foreach (var repository in new[] { "prod/api", "dev/api" })
        {
            var other = await aws.JsonAsync("describe-images", "--repository-name", repository, "--registry-id", "999999999999");
            Assert.Single(other["imageDetails"]!.AsArray());
            Assert.Equal("999999999999", other["imageDetails"]![0]!["registryId"]!.GetValue<string>());
        }

        var status = await aws.JsonAsync("describe-image-replication-status", "--repository-name", "prod/api", "--image-id", "imageTag=v1");
        Assert.Equal(digest, status["imageId"]!["imageDigest"]!.GetValue<string>());
        var statuses = status["replicationStatuses"]!.AsArray()
            .Select(entry => $"{entry!["region"]}/{entry["registryId"]}={entry["status"]}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["eu-west-1/123456789012=COMPLETE", "us-east-1/999999999999=COMPLETE", "us-west-2/123456789012=COMPLETE"], statuses);

        // The source registry itself is unchanged: one image per repository.
        Assert.Single((await aws.JsonAsync("describe-images", "--repository-name", "prod/api"))["imageDetails"]!.AsArray());
    }

    [Fact]
    public async Task A_tag_that_is_immutable_in_the_destination_is_not_overwritten_and_the_status_says_failed()
    {
        await aws.RunAsync("put-replication-configuration", "--replication-configuration", """{"rules":[{"destinations":[{"region":"eu-west-1","registryId":"123456789012"}]}]}""");
        await aws.RunAsync("create-repository", "--repository-name", "frozen", "--image-tag-mutability", "IMMUTABLE", "--region", "eu-west-1");
        await aws.RunAsync("create-repository", "--repository-name", "frozen");
        using var registry = await ecr.RegistryAsync();
        var (first, _) = await registry.PushImageAsync("frozen", "latest");
        var (second, _) = await registry.PushImageAsync("frozen", "latest");

        var replica = await aws.JsonAsync("describe-images", "--repository-name", "frozen", "--image-ids", "imageTag=latest", "--region", "eu-west-1");
        Assert.Equal(first, replica["imageDetails"]![0]!["imageDigest"]!.GetValue<string>());

        var firstStatus = await aws.JsonAsync("describe-image-replication-status", "--repository-name", "frozen", "--image-id", $"imageDigest={first}");
        Assert.Equal("COMPLETE", firstStatus["replicationStatuses"]![0]!["status"]!.GetValue<string>());
        var secondStatus = await aws.JsonAsync("describe-image-replication-status", "--repository-name", "frozen", "--image-id", "imageTag=latest");
        Assert.Equal(second, secondStatus["imageId"]!["imageDigest"]!.GetValue<string>());
        Assert.Equal("FAILED", secondStatus["replicationStatuses"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("IMAGE_TAG_IMMUTABLE", secondStatus["replicationStatuses"]![0]!["failureCode"]!.GetValue<string>());
    }

    private static JsonObject Rule(string region) =>
        new() { ["destinations"] = new JsonArray(new JsonObject { ["region"] = region, ["registryId"] = "123456789012" }) };
}
