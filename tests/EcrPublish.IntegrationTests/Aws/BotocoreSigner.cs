using System.Text.Json;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// Recomputes a SigV4 Authorization header with the machine's Python botocore (<c>botocore.auth.SigV4Auth</c>), an
/// implementation independent of AWSSDK.Core, for a request our client actually sent.
/// </summary>
internal static class BotocoreSigner
{
    private const string Script = """
        import base64, datetime, json, sys
        import botocore.auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        d = json.load(sys.stdin)
        fixed = datetime.datetime.strptime(d["timestamp"], "%Y%m%dT%H%M%SZ")
        botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed
        request = AWSRequest(method=d["method"], url=d["url"], data=base64.b64decode(d["body"]), headers=d["headers"])
        botocore.auth.SigV4Auth(Credentials(d["access"], d["secret"], d.get("token")), d["service"], d["region"]).add_auth(request)
        print(request.headers["Authorization"])
        """;

    /// <summary>Signs the recorded request again with botocore, over exactly the headers our signature names.</summary>
    public static async Task<string> AuthorizationAsync(RecordedRequest sent, Uri url, string accessKey, string secretKey, string? token, string region, string service)
    {
        var authorization = sent.Header("Authorization");
        var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var headers = signedHeaders
            .Where(name => name is not "x-amz-date" and not "x-amz-security-token")
            .ToDictionary(name => name, name => sent.Header(name));
        var input = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["method"] = sent.Method,
            ["url"] = new Uri(url, sent.Target).ToString(),
            ["headers"] = headers,
            ["body"] = Convert.ToBase64String(sent.Body),
            ["access"] = accessKey,
            ["secret"] = secretKey,
            ["token"] = token,
            ["region"] = region,
            ["service"] = service,
            ["timestamp"] = sent.Header("X-Amz-Date"),
        });
        var result = await ProcessRunner.RunAsync("python3", ["-c", Script], standardInput: input, timeout: TimeSpan.FromMinutes(1));
        return result.EnsureSuccess().StandardOutput.Trim();
    }
}
