using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.Replication;

/// <summary>
/// One LocalEcr, several registries: the region comes from the signature, the account from <c>registryId</c>, and the
/// registry API's <c>/v2/&lt;account&gt;.dkr.ecr.&lt;region&gt;/</c> prefix; each registry is separate and persists.
/// </summary>
public sealed class MultiRegionTests
{
    [Fact]
    public async Task Registries_of_different_regions_and_accounts_are_separate_and_survive_a_restart()
    {
        var data = Path.Combine(TestEnvironment.WorkDirectory, "localecr-regions-" + Guid.NewGuid().ToString("N"));
        try
        {
            string digest;
            await using (var ecr = await LocalEcrHarness.StartAsync(data))
            {
                var aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
                await aws.RunAsync("create-repository", "--repository-name", "app", "--image-tag-mutability", "IMMUTABLE");
                await aws.RunAsync("create-repository", "--repository-name", "app", "--region", "eu-west-1");
                await aws.RunAsync("create-repository", "--repository-name", "app", "--region", "eu-west-1", "--registry-id", "999999999999");
                var west = (await aws.JsonAsync("describe-repositories", "--region", "eu-west-1"))["repositories"]![0]!;
                Assert.Equal("MUTABLE", west["imageTagMutability"]!.GetValue<string>());
                Assert.Equal("arn:aws:ecr:eu-west-1:123456789012:repository/app", west["repositoryArn"]!.GetValue<string>());
                var other = (await aws.JsonAsync("describe-repositories", "--region", "eu-west-1", "--registry-id", "999999999999"))["repositories"]![0]!;
                Assert.Equal("999999999999", other["registryId"]!.GetValue<string>());
                Assert.Equal($"{ecr.Host}/999999999999.dkr.ecr.eu-west-1/app", other["repositoryUri"]!.GetValue<string>());

                // Pushing through the prefixed path follows the prefixed upload and manifest locations.
                using var registry = await ecr.RegistryAsync();
                (digest, _) = await registry.PushImageAsync("999999999999.dkr.ecr.eu-west-1/app", "v1");
                Assert.Single((await aws.JsonAsync("list-images", "--repository-name", "app", "--region", "eu-west-1", "--registry-id", "999999999999"))["imageIds"]!.AsArray());
                Assert.Empty((await aws.JsonAsync("list-images", "--repository-name", "app", "--region", "eu-west-1"))["imageIds"]!.AsArray());
                Assert.Empty((await aws.JsonAsync("list-images", "--repository-name", "app"))["imageIds"]!.AsArray());

                await aws.RunAsync("delete-repository", "--repository-name", "app", "--region", "eu-west-1");
                Assert.Single((await aws.JsonAsync("describe-repositories"))["repositories"]!.AsArray());
            }

            await using (var restarted = await LocalEcrHarness.StartAsync(data))
            {
                var aws = new AwsCli(TestEnvironment.AwsCliV2, restarted.Server);
                var images = await aws.JsonAsync("describe-images", "--repository-name", "app", "--region", "eu-west-1", "--registry-id", "999999999999");
                Assert.Equal(digest, images["imageDetails"]![0]!["imageDigest"]!.GetValue<string>());
                using var registry = await restarted.RegistryAsync();
                using var manifest = await registry.SendAsync(HttpMethod.Get, "/v2/999999999999.dkr.ecr.eu-west-1/app/manifests/v1");
                Assert.Equal(200, (int)manifest.StatusCode);
                using var absent = await registry.SendAsync(HttpMethod.Get, "/v2/app/manifests/v1");
                Assert.Equal(404, (int)absent.StatusCode);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_request_signed_for_something_that_is_not_a_region_is_refused()
    {
        await using var ecr = await LocalEcrHarness.StartAsync();
        using var client = new SignedEcrClient(ecr.Server.Endpoint, "test", "test", region: "localregion");
        var response = await client.CallAsync("DescribeRepositories", "{}");
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("Credential should be scoped to a valid region", response.Message, StringComparison.Ordinal);
    }
}
