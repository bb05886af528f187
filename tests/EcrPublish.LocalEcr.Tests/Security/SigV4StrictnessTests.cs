using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests.Security;

/// <summary>Signatures must cover what AWS demands they cover; malformed Authorization headers are 4xx in ECR's shape.</summary>
public sealed class SigV4StrictnessTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private static readonly HttpClient Http = new();

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync();

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task A_signature_over_all_required_headers_is_accepted_with_X_Amz_Date_or_Date()
    {
        using var amzDate = ManualSigV4Request.Create(ecr.Server.Endpoint, "DescribeRepositories", "{}", ["host", "x-amz-date", "x-amz-target"]);
        Assert.Equal(200, (await SendAsync(amzDate)).Status);

        using var date = ManualSigV4Request.Create(ecr.Server.Endpoint, "DescribeRepositories", "{}", ["date", "host", "x-amz-target"], useDateHeader: true);
        Assert.Equal(200, (await SendAsync(date)).Status);
    }

    [Theory]
    [InlineData("x-amz-date;x-amz-target", "'Host'")]
    [InlineData("host;x-amz-target", "'X-Amz-Date'")]
    [InlineData("host;x-amz-date", "'X-Amz-Target'")]
    [InlineData("x-amz-date", "'Host'")]
    public async Task A_signature_that_leaves_out_a_required_header_is_refused_and_deletes_nothing(string signedHeaders, string named)
    {
        await ecr.CreateRepositoryAsync("sigv4-kept");
        using var request = ManualSigV4Request.Create(ecr.Server.Endpoint, "DeleteRepository", """{"repositoryName":"sigv4-kept"}""", signedHeaders.Split(';'));

        var (status, body) = await SendAsync(request);

        Assert.Equal(403, status);
        Assert.Equal("InvalidSignatureException", body["__type"]!.GetValue<string>());
        Assert.Contains(named, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        (await ecr.Ecr.CallAsync("DescribeRepositories", """{"repositoryNames":["sigv4-kept"]}""")).Ok();
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecr/aws4_request, Credential=other/20250101/us-east-1/ecr/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecr/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, SignedHeaders=host, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/ecr/aws4_request, SignedHeaders=Host;;X-Amz-Date, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential, SignedHeaders, Signature")]
    [InlineData("AWS4-HMAC-SHA256 ,,,,")]
    public async Task A_malformed_Authorization_header_is_an_IncompleteSignatureException_not_a_500(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ecr.Server.Endpoint) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var (status, body) = await SendAsync(request);

        Assert.InRange(status, 400, 499);
        Assert.Equal("IncompleteSignatureException", body["__type"]!.GetValue<string>());
    }

    private static async Task<(int Status, JsonNode Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
