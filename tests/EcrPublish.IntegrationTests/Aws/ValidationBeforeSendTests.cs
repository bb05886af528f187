using Amazon.Runtime;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>Invalid requests are rejected by the client with a coded error and never reach the wire.</summary>
public sealed class ValidationBeforeSendTests
{
    [Fact]
    public async Task Invalid_requests_fail_before_anything_is_sent()
    {
        await using var server = new LoopbackHttpServer((_, _) => ServerReply.Json(200, "{}"));
        using var client = new EcrApiClient(new EcrClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = server.Url,
            Credentials = new BasicAWSCredentials("AKIAEXAMPLE", "secret"),
        });

        var badName = await Assert.ThrowsAsync<EcrClientException>(() => client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "My_App" }));
        var badRegistry = await Assert.ThrowsAsync<EcrClientException>(
            () => client.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RegistryId = "42" }));
        var tooMany = await Assert.ThrowsAsync<EcrClientException>(() => client.BatchDeleteImageAsync(new BatchDeleteImageRequest
        {
            RepositoryName = "team/app",
            ImageIds = Enumerable.Range(0, 101).Select(i => new ImageIdentifier { ImageTag = $"v{i}" }).ToList(),
        }));
        var shortPolicy = await Assert.ThrowsAsync<EcrClientException>(
            () => client.PutLifecyclePolicyAsync(new PutLifecyclePolicyRequest { RepositoryName = "team/app", LifecyclePolicyText = "{}" }));
        var badTag = await Assert.ThrowsAsync<EcrClientException>(
            () => client.PutImageAsync(new PutImageRequest { RepositoryName = "team/app", ImageManifest = "{}", ImageTag = "bad tag" }));

        Assert.Equal(
            [AwsClientErrorCodes.InvalidRepositoryName, AwsClientErrorCodes.InvalidRegistryId, AwsClientErrorCodes.BatchTooLarge, AwsClientErrorCodes.InvalidPolicyText, AwsClientErrorCodes.InvalidImageTag],
            new[] { badName, badRegistry, tooMany, shortPolicy, badTag }.Select(error => error.Code));
        Assert.Empty(server.Requests);
    }
}
