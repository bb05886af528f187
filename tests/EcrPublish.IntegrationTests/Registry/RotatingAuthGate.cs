using System.Net;
using System.Text;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>
/// The proxy's auth check: Basic (ECR style, password token-N) or Bearer (token endpoint /token that
/// trades the Basic password for a bearer token). <see cref="ExpireOnce"/> makes the current secret
/// invalid, as an expiring token does.
/// </summary>
internal sealed class RotatingAuthGate(string scheme)
{
    private int _validGeneration;
    private int _expired;

    public void ExpireOnce()
    {
        if (Interlocked.Exchange(ref _expired, 1) == 0)
        {
            Interlocked.Increment(ref _validGeneration);
        }
    }

    public ProxyAction Check(ProxiedRequest request, string proxyAddress)
    {
        var password = RotatingCredentials.PasswordOf(Volatile.Read(ref _validGeneration));
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password));
        var authorization = request.Header("authorization");
        if (scheme == "Bearer" && request.PathAndQuery.StartsWith("/token", StringComparison.Ordinal))
        {
            return authorization == basic
                ? ProxyAction.Respond(HttpStatusCode.OK, $"{{\"token\":\"bearer-{password}\"}}", new Dictionary<string, string> { ["Content-Type"] = "application/json" })
                : ProxyAction.Respond(HttpStatusCode.Unauthorized);
        }

        var expected = scheme == "Bearer" ? "Bearer bearer-" + password : basic;
        if (authorization == expected)
        {
            return ProxyAction.Forward;
        }

        var challenge = scheme == "Bearer"
            ? $"Bearer realm=\"http://{proxyAddress}/token\",service=\"test-registry\",scope=\"repository:x:pull,push\""
            : "Basic realm=\"test-registry\"";
        return ProxyAction.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "authentication required", new Dictionary<string, string> { ["WWW-Authenticate"] = challenge });
    }
}
