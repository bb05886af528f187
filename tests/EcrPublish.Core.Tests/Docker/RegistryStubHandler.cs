using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace EcrPublish.Core.Tests.Docker;

/// <summary>
/// An in-memory registry behind a Bearer token service (the distribution-spec auth dance), answering the manifest
/// requests the verifier makes. It records what it was sent.
/// </summary>
internal sealed class RegistryStubHandler(string manifest, bool sendDigestHeader = true) : HttpMessageHandler
{
    public const string Token = "stub-token";

    public string ManifestDigest { get; } = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(manifest))).ToLowerInvariant();

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string> AcceptHeaders { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var uri = request.RequestUri!;
        if (uri.Host == "auth.test")
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:pass"));
            return Task.FromResult(request.Headers.Authorization?.Parameter == basic && uri.Query.Contains("scope=repository%3Ateam%2Fapp%3Apull", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"token":"{{Token}}"}""") }
                : new HttpResponseMessage(HttpStatusCode.Unauthorized));
        }

        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: Token })
        {
            var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer realm=\"https://auth.test/token\",service=\"registry.test\",scope=\"repository:team/app:pull\"");
            return Task.FromResult(challenge);
        }

        AcceptHeaders.Add(string.Join(", ", request.Headers.Accept.Select(accept => accept.MediaType)));
        if (!uri.AbsolutePath.StartsWith("/v2/team/app/manifests/", StringComparison.Ordinal))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(request.Method == HttpMethod.Head ? string.Empty : manifest) };
        if (sendDigestHeader)
        {
            response.Headers.Add("Docker-Content-Digest", ManifestDigest);
        }

        return Task.FromResult(response);
    }
}
