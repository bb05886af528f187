using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.LocalEcr;
using Xunit;

namespace EcrPublish.IntegrationTests.SupplyChain;

/// <summary>
/// <c>dotnet ecr verify</c> (the built tool, as a child process) of an image named with the ECR host of another region
/// than the tool's (<c>--region us-east-1</c>): LocalEcr serves that region's registry under the path prefix, behind a
/// proxy that records every request and rejects the first authorized manifest read as ECR rejects an expired token. The
/// tool asks GetAuthorizationToken in the host's region (the SigV4 credential scope says so), and after the rejection
/// asks again for a new token instead of sending the rejected one back.
/// </summary>
public sealed class VerifyRegionalRegistryTests : IAsyncLifetime
{
    private const string Account = "123456789012";
    private const string HostRegion = "eu-west-1";

    private LocalEcrServer localEcr = null!;
    private string repository = null!;

    public async Task InitializeAsync()
    {
        localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing", AccountId = Account, Region = "us-east-1" });
        repository = $"team/verify-{Guid.NewGuid().ToString("N")[..8]}";
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = HostRegion,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        });
        (await ecr.InvokeAsync("CreateRepository", Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{repository}}"}"""))).Dispose();
    }

    public async Task DisposeAsync()
    {
        await localEcr.DisposeAsync();
    }

    [Fact]
    public async Task An_image_in_another_regions_registry_is_verified_with_that_regions_token_and_a_rejected_token_is_read_again()
    {
        var path = $"{Account}.dkr.ecr.{HostRegion}/{repository}";
        using var writer = await RegistryContentWriter.ConnectAsync(localEcr);
        var image = await writer.PushImageAsync(path, "amd64");
        await writer.PushReferrerAsync(path, image, "application/spdx+json", Encoding.UTF8.GetBytes("""{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"regional","packages":[]}"""), "application/spdx+json");
        await using var proxy = new RegistryProxy(localEcr.Endpoint.Authority);
        var rejected = 0;
        proxy.Decide = request => request.PathAndQuery.Contains("/manifests/", StringComparison.Ordinal) && request.Header("authorization") is not null && Interlocked.Exchange(ref rejected, 1) == 0
            ? ProxyAction.Error(HttpStatusCode.Unauthorized, "DENIED", "Your authorization token has expired. Reauthenticate and try again.",
                new Dictionary<string, string> { ["WWW-Authenticate"] = $"Basic realm=\"http://{proxy.Address}/\",service=\"ecr.amazonaws.com\"" })
            : ProxyAction.Forward;
        var digest = (string)image["digest"]!;
        var tokensBefore = localEcr.CallCount("GetAuthorizationToken");

        var result = await CliParityRunner.DotnetEcrAtAsync($"http://{proxy.Address}", ["--region", "us-east-1", "verify", $"{Account}.dkr.ecr.{HostRegion}.amazonaws.com/{repository}@{digest}", "--require", "sbom", "--output", "json"]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(digest, (string)JsonNode.Parse(result.StandardOutput)!["digest"]!);
        Assert.Equal(1, rejected);
        var tokenRequests = proxy.Requests.Where(request => request.Header("x-amz-target")?.EndsWith(".GetAuthorizationToken", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, tokenRequests.Count);
        Assert.All(tokenRequests, request => Assert.Contains($"/{HostRegion}/ecr/aws4_request", request.Header("authorization"), StringComparison.Ordinal));
        Assert.Equal(tokensBefore + 2, localEcr.CallCount("GetAuthorizationToken"));
    }
}
