using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>Repository and registry policy commands with the real AWS CLI v2 against LocalEcr.</summary>
public sealed class PolicyCliTests : IAsyncLifetime
{
    // The repository policy example of ECR's API reference (Version 2008-10-17, no Resource, a Sid with a space).
    private const string PullPolicy = """
        {
          "Version" : "2008-10-17",
          "Statement" : [ {
            "Sid" : "new statement",
            "Effect" : "Allow",
            "Principal" : { "AWS" : "arn:aws:iam::012345678901:role/CodeDeployDemo" },
            "Action" : [ "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability" ]
          } ]
        }
        """;

    private const string ReplicationPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Sid": "ReplicationAccessCrossAccount",
            "Effect": "Allow",
            "Principal": { "AWS": "arn:aws:iam::210987654321:root" },
            "Action": [ "ecr:CreateRepository", "ecr:ReplicateImage" ],
            "Resource": "arn:aws:ecr:us-east-1:123456789012:repository/*"
          }]
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
    public async Task Repository_policy_is_set_read_and_deleted()
    {
        await aws.RunAsync("create-repository", "--repository-name", "my-app/backend");
        var set = await aws.JsonAsync("set-repository-policy", "--repository-name", "my-app/backend", "--policy-text", PullPolicy);
        Assert.Equal(PullPolicy, set["policyText"]!.GetValue<string>());
        Assert.Equal("my-app/backend", set["repositoryName"]!.GetValue<string>());
        Assert.Equal("123456789012", set["registryId"]!.GetValue<string>());

        var got = await aws.JsonAsync("get-repository-policy", "--repository-name", "my-app/backend");
        Assert.Equal(PullPolicy, got["policyText"]!.GetValue<string>());

        var forced = await aws.JsonAsync("set-repository-policy", "--repository-name", "my-app/backend", "--policy-text", PullPolicy.Replace("2008-10-17", "2012-10-17", StringComparison.Ordinal), "--force");
        Assert.Contains("2012-10-17", forced["policyText"]!.GetValue<string>(), StringComparison.Ordinal);

        var deleted = await aws.JsonAsync("delete-repository-policy", "--repository-name", "my-app/backend");
        Assert.Contains("2012-10-17", deleted["policyText"]!.GetValue<string>(), StringComparison.Ordinal);

        var gone = await aws.RunRawAsync(null, "get-repository-policy", "--repository-name", "my-app/backend");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("RepositoryPolicyNotFoundException", gone.StandardError, StringComparison.Ordinal);
        var deletedAgain = await aws.RunRawAsync(null, "delete-repository-policy", "--repository-name", "my-app/backend");
        Assert.Contains("RepositoryPolicyNotFoundException", deletedAgain.StandardError, StringComparison.Ordinal);

        var noRepository = await aws.RunRawAsync(null, "set-repository-policy", "--repository-name", "missing", "--policy-text", PullPolicy);
        Assert.Contains("RepositoryNotFoundException", noRepository.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Principal":"*","Action":"ecr:BatchGetImage"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"BatchGetImage"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[]}""")]
    [InlineData("""{"Version":"2012-10-17","Statment":[{"Effect":"Allow","Principal":"*","Action":"ecr:*"}]}""")]
    [InlineData("not json")]
    public async Task An_invalid_repository_policy_is_refused_with_ECRs_message(string policy)
    {
        await aws.RunAsync("create-repository", "--repository-name", "strict");
        var refused = await aws.RunRawAsync(null, "set-repository-policy", "--repository-name", "strict", "--policy-text", policy);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("InvalidParameterException", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'", refused.StandardError, StringComparison.Ordinal);
        var nothing = await aws.RunRawAsync(null, "get-repository-policy", "--repository-name", "strict");
        Assert.Contains("RepositoryPolicyNotFoundException", nothing.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_policy_is_put_read_and_deleted_and_survives_a_restart()
    {
        var missing = await aws.RunRawAsync(null, "get-registry-policy");
        Assert.Contains("RegistryPolicyNotFoundException", missing.StandardError, StringComparison.Ordinal);

        var put = await aws.JsonAsync("put-registry-policy", "--policy-text", ReplicationPolicy);
        Assert.Equal(ReplicationPolicy, put["policyText"]!.GetValue<string>());
        Assert.Equal("123456789012", put["registryId"]!.GetValue<string>());
        Assert.Equal(ReplicationPolicy, (await aws.JsonAsync("get-registry-policy"))["policyText"]!.GetValue<string>());

        var pullInRegistry = await aws.RunRawAsync(null, "put-registry-policy", "--policy-text",
            ReplicationPolicy.Replace("\"ecr:ReplicateImage\"", "\"ecr:BatchGetImage\"", StringComparison.Ordinal));
        Assert.Contains("Invalid registry policy provided", pullInRegistry.StandardError, StringComparison.Ordinal);
        var noResource = await aws.RunRawAsync(null, "put-registry-policy", "--policy-text",
            ReplicationPolicy.Replace(",\n    \"Resource\": \"arn:aws:ecr:us-east-1:123456789012:repository/*\"", string.Empty, StringComparison.Ordinal));
        Assert.Contains("Invalid registry policy provided", noResource.StandardError, StringComparison.Ordinal);
        Assert.Equal(ReplicationPolicy, (await aws.JsonAsync("get-registry-policy"))["policyText"]!.GetValue<string>());

        var deleted = await aws.JsonAsync("delete-registry-policy");
        Assert.Equal(ReplicationPolicy, deleted["policyText"]!.GetValue<string>());
        var gone = await aws.RunRawAsync(null, "delete-registry-policy");
        Assert.Contains("RegistryPolicyNotFoundException", gone.StandardError, StringComparison.Ordinal);
        Assert.Contains("The registry doesn't have an associated registry policy.", gone.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_persist_with_the_data_directory()
    {
        var data = Path.Combine(TestEnvironment.WorkDirectory, "policy-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await LocalEcrHarness.StartAsync(data))
            {
                var cli = new AwsCli(TestEnvironment.AwsCliV2, first.Server);
                await cli.RunAsync("create-repository", "--repository-name", "kept");
                await cli.RunAsync("set-repository-policy", "--repository-name", "kept", "--policy-text", PullPolicy);
                await cli.RunAsync("put-registry-policy", "--policy-text", ReplicationPolicy);
            }

            await using var second = await LocalEcrHarness.StartAsync(data);
            var again = new AwsCli(TestEnvironment.AwsCliV2, second.Server);
            Assert.Equal(PullPolicy, (await again.JsonAsync("get-repository-policy", "--repository-name", "kept"))["policyText"]!.GetValue<string>());
            Assert.Equal(ReplicationPolicy, (await again.JsonAsync("get-registry-policy"))["policyText"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_policy_over_10240_characters_is_refused_with_the_length_constraint()
    {
        await ecr.CreateRepositoryAsync("big");
        var padded = PullPolicy.Replace("\"new statement\"", "\"" + new string('x', 10300) + "\"", StringComparison.Ordinal);
        var response = await ecr.Ecr.CallAsync("SetRepositoryPolicy", new System.Text.Json.Nodes.JsonObject { ["repositoryName"] = "big", ["policyText"] = padded });
        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Invalid parameter at 'policyText' failed to satisfy constraint: 'Member must have length less than or equal to 10240'", response.Message);
    }
}
