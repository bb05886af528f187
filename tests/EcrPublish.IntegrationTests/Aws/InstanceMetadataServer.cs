using System.Globalization;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// An EC2 instance metadata service (IMDSv2 only) on loopback that hands out one role's credentials: a session token
/// from <c>PUT /latest/api/token</c> (TTL header required), then with that token the role name from
/// <c>GET /latest/meta-data/iam/security-credentials/</c> and the keys from <c>.../&lt;role&gt;</c>. Anything without
/// the token gets 401, like IMDSv2-only instances; unknown paths get 404.
/// </summary>
internal sealed class InstanceMetadataServer : IAsyncDisposable
{
    public const string Role = "ecrpub-instance-role";
    public const string AccessKeyId = "ASIAIMDS000000000001";
    public const string SecretAccessKey = "imds-secret-access-key";
    public const string SessionToken = "imds-session-token-for-the-role";
    public const string MetadataToken = "imds-v2-metadata-token";

    private const string RoleListing = "/latest/meta-data/iam/security-credentials";
    private const string CredentialsPath = RoleListing + "/";
    private readonly LoopbackHttpServer server;

    public InstanceMetadataServer() => server = new LoopbackHttpServer((request, _) => Reply(request));

    /// <summary>The value for AWS_EC2_METADATA_SERVICE_ENDPOINT (no trailing slash: the SDK appends "/latest/...").</summary>
    public string Endpoint => server.Url.GetLeftPart(UriPartial.Authority);

    public IReadOnlyList<RecordedRequest> Requests => server.Requests;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static ServerReply Reply(RecordedRequest request)
    {
        if (request is { Method: "PUT", Target: "/latest/api/token" })
        {
            return request.Headers.ContainsKey("X-aws-ec2-metadata-token-ttl-seconds") ? Text(200, MetadataToken) : Text(400, "missing TTL");
        }

        if (!request.Headers.TryGetValue("X-aws-ec2-metadata-token", out var token) || token != MetadataToken)
        {
            return Text(401, string.Empty);
        }

        // The listing is served with and without the trailing slash, like on EC2 (AWSSDK.Core asks without it).
        return request switch
        {
            { Method: "GET", Target: CredentialsPath or RoleListing } => Text(200, Role),
            { Method: "GET", Target: CredentialsPath + Role } => new ServerReply(200, $$"""
                {
                  "Code" : "Success",
                  "LastUpdated" : "{{Timestamp(DateTimeOffset.UtcNow)}}",
                  "Type" : "AWS-HMAC",
                  "AccessKeyId" : "{{AccessKeyId}}",
                  "SecretAccessKey" : "{{SecretAccessKey}}",
                  "Token" : "{{SessionToken}}",
                  "Expiration" : "{{Timestamp(DateTimeOffset.UtcNow.AddHours(6))}}"
                }
                """, new Dictionary<string, string> { ["Content-Type"] = "text/plain" }),
            _ => Text(404, "Not Found"),
        };
    }

    private static ServerReply Text(int status, string body) => new(status, body, new Dictionary<string, string> { ["Content-Type"] = "text/plain" });

    private static string Timestamp(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
