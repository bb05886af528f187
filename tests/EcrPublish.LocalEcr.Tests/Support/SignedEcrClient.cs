using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>
/// Sends ECR JSON 1.1 requests signed by the AWS SDK's own SigV4 signer (not ours), so tests can also send
/// deliberately wrong signatures, stale dates and malformed bodies that the AWS CLI would never produce.
/// </summary>
internal sealed class SignedEcrClient(Uri endpoint, string accessKey, string secretKey, string region = "us-east-1") : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Task<EcrResponse> CallAsync(string operation, string body, DateTime? signedAt = null) =>
        SendAsync(operation, Encoding.UTF8.GetBytes(body), signedAt);

    public Task<EcrResponse> CallAsync(string operation, JsonObject body) => CallAsync(operation, body.ToJsonString());

    public async Task<EcrResponse> SendAsync(string operation, byte[] body, DateTime? signedAt = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Amz-Target"] = "AmazonEC2ContainerRegistry_V20150921." + operation,
            ["Content-Type"] = "application/x-amz-json-1.1",
        };
        var signing = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = endpoint,
            Content = body,
        };
        foreach (var header in headers)
        {
            signing.Headers[header.Key] = header.Value;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(accessKey, secretKey),
            Region = RegionEndpoint.GetBySystemName(region),
            Service = "ecr",
            SignedAt = signedAt,
        };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", headers["X-Amz-Target"]);
        foreach (var header in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new EcrResponse((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => http.Dispose();
}
