using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Templates;

/// <summary>
/// Repository creation templates with the real AWS CLI v1 (the installed v2 predates them): ECR's validation, and the
/// template's settings on the repositories LocalEcr creates itself — create on push, replication, pull through cache.
/// </summary>
public sealed class RepositoryCreationTemplateCliTests : IAsyncLifetime
{
    private const string LifecyclePolicy = """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}""";
    private const string RepositoryPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["ecr:BatchGetImage"]}]}""";

    private LocalEcrHarness ecr = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        aws = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);
    }

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Templates_are_created_described_updated_and_deleted()
    {
        var created = (await aws.JsonAsync("create-repository-creation-template", "--prefix", "team/", "--description", "Team repositories",
            "--applied-for", "CREATE_ON_PUSH", "REPLICATION", "--image-tag-mutability", "IMMUTABLE_WITH_EXCLUSION",
            "--image-tag-mutability-exclusion-filters", "filterType=WILDCARD,filter=latest",
            "--resource-tags", "Key=team,Value=core", "--lifecycle-policy", LifecyclePolicy,
            "--custom-role-arn", "arn:aws:iam::123456789012:role/ecr-templates"))!;
        Assert.Equal("123456789012", created["registryId"]!.GetValue<string>());
        var template = created["repositoryCreationTemplate"]!;
        Assert.Equal("team", template["prefix"]!.GetValue<string>());
        Assert.Equal("AES256", template["encryptionConfiguration"]!["encryptionType"]!.GetValue<string>());
        Assert.Equal("""["CREATE_ON_PUSH","REPLICATION"]""", template["appliedFor"]!.ToJsonString());
        Assert.Equal(LifecyclePolicy, template["lifecyclePolicy"]!.GetValue<string>());
        Assert.Equal(template["createdAt"]!.GetValue<double>(), template["updatedAt"]!.GetValue<double>());

        var duplicate = await aws.RunRawAsync(null, "create-repository-creation-template", "--prefix", "team", "--applied-for", "REPLICATION");
        Assert.Contains("TemplateAlreadyExistsException", duplicate.StandardError, StringComparison.Ordinal);

        await aws.RunAsync("create-repository-creation-template", "--prefix", "ROOT", "--applied-for", "PULL_THROUGH_CACHE");
        var all = await aws.RunAsync("describe-repository-creation-templates", "--query", "repositoryCreationTemplates[].prefix", "--output", "text");
        Assert.Equal("team\tROOT", all.Trim());
        var one = await aws.JsonAsync("describe-repository-creation-templates", "--prefixes", "ROOT", "absent");
        Assert.Equal("MUTABLE", one["repositoryCreationTemplates"]!.AsArray().Single()!["imageTagMutability"]!.GetValue<string>());

        ecr.Clock.Offset += TimeSpan.FromMinutes(1);
        var updated = (await aws.JsonAsync("update-repository-creation-template", "--prefix", "team", "--image-tag-mutability", "MUTABLE",
            "--encryption-configuration", "encryptionType=KMS"))["repositoryCreationTemplate"]!;
        Assert.Equal("MUTABLE", updated["imageTagMutability"]!.GetValue<string>());
        Assert.Null(updated["imageTagMutabilityExclusionFilters"]);
        Assert.Equal("KMS", updated["encryptionConfiguration"]!["encryptionType"]!.GetValue<string>());
        Assert.Equal("Team repositories", updated["description"]!.GetValue<string>());
        Assert.True(updated["updatedAt"]!.GetValue<double>() > updated["createdAt"]!.GetValue<double>());

        var deleted = await aws.JsonAsync("delete-repository-creation-template", "--prefix", "team");
        Assert.Equal("team", deleted["repositoryCreationTemplate"]!["prefix"]!.GetValue<string>());
        foreach (var verb in new[] { "delete-repository-creation-template", "update-repository-creation-template" })
        {
            var missing = await aws.RunRawAsync(null, verb, "--prefix", "team");
            Assert.Contains("TemplateNotFoundException", missing.StandardError, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("prefix", "--prefix", "Upper", "--applied-for", "REPLICATION")]
    [InlineData("appliedFor", "--prefix", "a", "--applied-for", "SOMETIMES")]
    [InlineData("kmsKey can be specified only", "--prefix", "a", "--applied-for", "REPLICATION", "--encryption-configuration", "encryptionType=AES256,kmsKey=arn:aws:kms:us-east-1:123456789012:key/abc")]
    [InlineData("customRoleArn", "--prefix", "a", "--applied-for", "REPLICATION", "--custom-role-arn", "arn:aws:iam::999999999999:role/elsewhere")]
    [InlineData("ImageTagMutabilityExclusionFilters can only be used", "--prefix", "a", "--applied-for", "REPLICATION", "--image-tag-mutability", "MUTABLE", "--image-tag-mutability-exclusion-filters", "filterType=WILDCARD,filter=x")]
    [InlineData("Invalid repository policy provided", "--prefix", "a", "--applied-for", "REPLICATION", "--repository-policy", "{\"Version\":\"1999-01-01\"}")]
    [InlineData("InvalidParameterException", "--prefix", "a", "--applied-for", "REPLICATION", "--lifecycle-policy", "{\"rules\":[]}")]
    [InlineData("InvalidTagParameterException", "--prefix", "a", "--applied-for", "REPLICATION", "--resource-tags", "Key=aws:reserved,Value=x")]
    public async Task Invalid_templates_are_refused(string expected, params string[] arguments)
    {
        var result = await aws.RunRawAsync(null, ["create-repository-creation-template", .. arguments]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await aws.JsonAsync("describe-repository-creation-templates"))["repositoryCreationTemplates"]!.AsArray());
    }

    [Fact]
    public async Task A_push_into_a_missing_repository_creates_it_from_the_longest_matching_create_on_push_template()
    {
        using var registry = await ecr.RegistryAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => registry.PushImageAsync("team/api", "v1"));

        await aws.RunAsync("create-repository-creation-template", "--prefix", "team", "--applied-for", "CREATE_ON_PUSH",
            "--image-tag-mutability", "IMMUTABLE", "--resource-tags", "Key=team,Value=core", "--lifecycle-policy", LifecyclePolicy,
            "--repository-policy", RepositoryPolicy);
        await aws.RunAsync("create-repository-creation-template", "--prefix", "team/web", "--applied-for", "CREATE_ON_PUSH",
            "--encryption-configuration", "encryptionType=KMS");
        await aws.RunAsync("create-repository-creation-template", "--prefix", "ROOT", "--applied-for", "REPLICATION");

        await registry.PushImageAsync("team/api", "v1");
        var api = (await aws.JsonAsync("describe-repositories", "--repository-names", "team/api"))["repositories"]![0]!;
        Assert.Equal("IMMUTABLE", api["imageTagMutability"]!.GetValue<string>());
        Assert.Equal("""[{"Key":"team","Value":"core"}]""", (await aws.JsonAsync("list-tags-for-resource", "--resource-arn", api["repositoryArn"]!.GetValue<string>()))["tags"]!.ToJsonString());
        Assert.Equal(LifecyclePolicy, (await aws.JsonAsync("get-lifecycle-policy", "--repository-name", "team/api"))["lifecyclePolicyText"]!.GetValue<string>());
        Assert.Equal(RepositoryPolicy, (await aws.JsonAsync("get-repository-policy", "--repository-name", "team/api"))["policyText"]!.GetValue<string>());

        await registry.PushImageAsync("team/web/site", "v1");
        var site = (await aws.JsonAsync("describe-repositories", "--repository-names", "team/web/site"))["repositories"]![0]!;
        Assert.Equal("MUTABLE", site["imageTagMutability"]!.GetValue<string>());
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:alias/aws/ecr", site["encryptionConfiguration"]!["kmsKey"]!.GetValue<string>());

        // ROOT applies only to replication: other names still need CreateRepository.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => registry.PushImageAsync("teams/api", "v1"));
        Assert.Contains("RepositoryNotFoundException", (await aws.RunRawAsync(null, "describe-repositories", "--repository-names", "teams/api")).StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replica_repository_gets_the_destination_registrys_template()
    {
        await aws.RunAsync("create-repository-creation-template", "--prefix", "ROOT", "--applied-for", "REPLICATION", "--image-tag-mutability", "IMMUTABLE", "--region", "eu-west-1");
        await aws.RunAsync("put-replication-configuration", "--replication-configuration", """{"rules":[{"destinations":[{"region":"eu-west-1","registryId":"123456789012"}]}]}""");
        await ecr.CreateRepositoryAsync("prod/api");
        using var registry = await ecr.RegistryAsync();
        await registry.PushImageAsync("prod/api", "v1");

        var replica = (await aws.JsonAsync("describe-repositories", "--repository-names", "prod/api", "--region", "eu-west-1"))["repositories"]![0]!;
        Assert.Equal("IMMUTABLE", replica["imageTagMutability"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pull_through_cache_repository_gets_the_template_for_its_rule_prefix()
    {
        using var upstream = new RegistryTestClient(new Uri("http://" + TestEnvironment.Registry), password: null);
        var upstreamRepository = "templates-" + Guid.NewGuid().ToString("N")[..8];
        await PushToUpstreamAsync(upstream, upstreamRepository);

        await aws.RunAsync("create-pull-through-cache-rule", "--ecr-repository-prefix", "cache", "--upstream-registry-url", TestEnvironment.Registry);
        await aws.RunAsync("create-repository-creation-template", "--prefix", "cache", "--applied-for", "PULL_THROUGH_CACHE",
            "--image-tag-mutability", "IMMUTABLE", "--resource-tags", "Key=source,Value=cache");
        using var registry = await ecr.RegistryAsync();
        using var pulled = await registry.SendAsync(HttpMethod.Get, $"/v2/cache/{upstreamRepository}/manifests/v1");
        Assert.Equal(200, (int)pulled.StatusCode);

        var cached = (await aws.JsonAsync("describe-repositories", "--repository-names", $"cache/{upstreamRepository}"))["repositories"]![0]!;
        Assert.Equal("IMMUTABLE", cached["imageTagMutability"]!.GetValue<string>());
    }

    /// <summary>A config-and-one-layer image pushed to Debian's registry, which answers PATCH with 202 (not ECR's 201): each blob in one PUT.</summary>
    private static async Task PushToUpstreamAsync(RegistryTestClient upstream, string repository)
    {
        var config = Encoding.UTF8.GetBytes($$"""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"{{Guid.NewGuid()}}"}""");
        var layer = RandomNumberGenerator.GetBytes(512);
        foreach (var blob in new[] { config, layer })
        {
            using var start = await upstream.SendAsync(HttpMethod.Post, $"/v2/{repository}/blobs/uploads/");
            var location = start.Headers.Location!.ToString();
            using var put = await upstream.SendAsync(HttpMethod.Put, $"{location}{(location.Contains('?') ? '&' : '?')}digest={RegistryTestClient.Digest(blob)}", blob, "application/octet-stream");
            Assert.Equal(201, (int)put.StatusCode);
        }

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = RegistryTestClient.OciManifest,
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = RegistryTestClient.Digest(config), ["size"] = config.Length },
            ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = RegistryTestClient.Digest(layer), ["size"] = layer.Length }),
        };
        using var response = await upstream.SendAsync(HttpMethod.Put, $"/v2/{repository}/manifests/v1", Encoding.UTF8.GetBytes(manifest.ToJsonString()), RegistryTestClient.OciManifest);
        Assert.Equal(201, (int)response.StatusCode);
    }

    [Fact]
    public async Task Templates_survive_a_restart()
    {
        using var data = new TemporaryDataDirectory("templates-restart");
        JsonNode before;
        await using (var first = await LocalEcrHarness.StartAsync(data.Path))
        {
            var cli = new AwsCli(TestEnvironment.AwsCliV1, first.Server);
            await cli.RunAsync("create-repository-creation-template", "--prefix", "kept", "--applied-for", "CREATE_ON_PUSH", "--resource-tags", "Key=a,Value=b");
            before = await cli.JsonAsync("describe-repository-creation-templates");
        }

        await using var second = await LocalEcrHarness.StartAsync(data.Path);
        var again = new AwsCli(TestEnvironment.AwsCliV1, second.Server);
        Assert.Equal(before.ToJsonString(), (await again.JsonAsync("describe-repository-creation-templates")).ToJsonString());
        using var registry = await second.RegistryAsync();
        await registry.PushImageAsync("kept/app", "v1");
    }
}
