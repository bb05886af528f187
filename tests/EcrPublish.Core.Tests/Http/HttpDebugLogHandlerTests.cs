using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EcrPublish.Http;
using Xunit;

namespace EcrPublish.Core.Tests.Http;

/// <summary>The HTTP debug log: requests and responses as the AWS CLI's --debug shows them, with every secret removed.</summary>
public sealed class HttpDebugLogHandlerTests
{
    private const string Token = "QVdTOnNlY3JldC1wYXNzd29yZA==";

    [Fact]
    public async Task Logs_method_url_headers_bodies_and_status_without_credentials()
    {
        var log = new StringWriter();
        using var http = new HttpClient(new HttpDebugLogHandler(log, new Responder(_ => Json(HttpStatusCode.OK, $$"""{"authorizationData":[{"authorizationToken":"{{Token}}","proxyEndpoint":"https://1.dkr.ecr.us-east-1.amazonaws.com"}]}"""))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.ecr.us-east-1.amazonaws.com/") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=abcdef0123");
        request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", "session-token-value");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var text = log.ToString();

        Assert.Contains(Token, body, StringComparison.Ordinal);
        Assert.Contains(" - ecrpublish.http - DEBUG - Request: POST https://api.ecr.us-east-1.amazonaws.com/\n", text, StringComparison.Ordinal);
        Assert.Contains("'X-Amz-Target': 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken'", text, StringComparison.Ordinal);
        Assert.Contains("'Authorization': 'AWS4-HMAC-SHA256 <redacted>'", text, StringComparison.Ordinal);
        Assert.Contains("'X-Amz-Security-Token': '<redacted>'", text, StringComparison.Ordinal);
        Assert.Contains("Request body: {}", text, StringComparison.Ordinal);
        Assert.Contains("Response: 200 OK for POST https://api.ecr.us-east-1.amazonaws.com/", text, StringComparison.Ordinal);
        Assert.Contains("\"authorizationToken\":\"<redacted>\",\"proxyEndpoint\":\"https://1.dkr.ecr.us-east-1.amazonaws.com\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("session-token-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef0123", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_credentials_bearer_tokens_and_signed_redirects_are_removed_and_blobs_are_never_read()
    {
        var log = new StringWriter();
        var uploaded = new MemoryStream(Encoding.UTF8.GetBytes("layer bytes"));
        using var http = new HttpClient(new HttpDebugLogHandler(log, new Responder(request => request.Method == HttpMethod.Get
            ? Json(HttpStatusCode.OK, """{"token":"bearer-secret","access_token":"bearer-secret","expires_in":300}""")
            : Redirect("https://bucket.s3.amazonaws.com/blob?X-Amz-Security-Token=s3-session&X-Amz-Signature=s3-signature&X-Amz-Expires=60"))));
        using var token = new HttpRequestMessage(HttpMethod.Get, "https://user:hunter2@registry.example/token?scope=repository:app:pull&password=hunter2");
        token.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:hunter2")));
        using var put = new HttpRequestMessage(HttpMethod.Put, "https://registry.example/v2/app/blobs/uploads/1?digest=sha256:abc") { Content = new StreamContent(uploaded) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using (await http.SendAsync(token))
        using (await http.SendAsync(put))
        {
        }

        var text = log.ToString();
        Assert.Contains("'Authorization': 'Basic <redacted>'", text, StringComparison.Ordinal);
        Assert.Contains("Request: GET https://<redacted>@registry.example/token?scope=repository:app:pull&password=<redacted>", text, StringComparison.Ordinal);
        Assert.Contains("{\"token\":\"<redacted>\",\"access_token\":\"<redacted>\",\"expires_in\":300}", text, StringComparison.Ordinal);
        Assert.Contains("'Location': 'https://bucket.s3.amazonaws.com/blob?X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted>&X-Amz-Expires=60'", text, StringComparison.Ordinal);
        Assert.Contains("Request body: <11 bytes of application/octet-stream>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:hunter2")), text, StringComparison.Ordinal);
        Assert.DoesNotContain("bearer-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3-session", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3-signature", text, StringComparison.Ordinal);
        Assert.DoesNotContain("layer bytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_bodies_of_token_requests_lose_their_secrets()
    {
        Assert.Equal(
            "grant_type=password&username=AWS&password=<redacted>&refresh_token=<redacted>&service=registry",
            HttpDebugRedactor.Form("grant_type=password&username=AWS&password=p%40ss&refresh_token=r1&service=registry"));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location = new Uri(location);
        return response;
    }

    private sealed class Responder(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                // The server reads what the client sends: a body the log consumed would arrive empty.
                Assert.NotEmpty(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            }

            return respond(request);
        }
    }
}
