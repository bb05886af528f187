using System.Net;
using System.Text;
using System.Text.Json;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Components;

/// <summary>moto answers ECR's JSON 1.1 protocol over HTTP on loopback.</summary>
public sealed class MotoSmokeTests
{
    [Fact]
    public async Task Moto_answers_DescribeRepositories()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, TestEnvironment.MotoUrl + "/");
        request.Headers.Add("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories");
        // moto reads the region from the credential scope; the signature itself is not checked.
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=00");
        request.Content = new StringContent("{}", Encoding.UTF8);
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("repositories").ValueKind);
    }
}
