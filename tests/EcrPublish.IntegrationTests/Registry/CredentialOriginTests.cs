using System.Net;
using System.Text;
using EcrPublish.Images;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>
/// Credentials go only to the registry's own origin (scheme, host, port), against in-process loopback servers: redirects
/// to blob storage and upload sessions elsewhere get none, https never steps down to http, and an https registry's
/// credentials never go to a plain-http token service.
/// </summary>
public sealed class CredentialOriginTests : IDisposable
{
    private const string Repository = "team/app";
    private static readonly byte[] Blob = Encoding.UTF8.GetBytes("layer bytes kept in blob storage");
    private static readonly string BlobDigest = ContentDigest.Of(Blob);
    private static readonly string Secret = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:registry-password"));
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "credential-origin-" + Guid.NewGuid().ToString("N")[..8]);

    public CredentialOriginTests() => Directory.CreateDirectory(_work);

    [Fact]
    public async Task A_blob_redirected_to_storage_on_another_origin_is_fetched_without_the_registry_credentials()
    {
        await using var storage = Server(request => ProxyAction.Respond(HttpStatusCode.OK, Encoding.UTF8.GetString(Blob)));
        await using var registry = Server(request => Authenticated(request) ?? ProxyAction.Respond(HttpStatusCode.TemporaryRedirect, "",
            new Dictionary<string, string> { ["Location"] = $"http://{storage.Address}/bucket/blob?X-Amz-Signature=abc" }));
        using var client = Client(registry.Address);

        var content = await client.ReadBlobAsync(Repository, BlobDigest, CancellationToken.None);

        Assert.Equal(Blob, content);
        Assert.Contains(registry.Requests, request => request.Header("authorization") == Secret);
        Assert.Single(storage.Requests);
        Assert.DoesNotContain(storage.Requests, request => request.Header("authorization") is not null);
    }

    [Fact]
    public async Task An_upload_session_on_another_origin_gets_no_credentials()
    {
        await using var uploads = Server(request => request.Method == "PUT"
            ? ProxyAction.Respond(HttpStatusCode.Created)
            : ProxyAction.Respond(HttpStatusCode.Accepted));
        await using var registry = Server(request => Authenticated(request) ?? ProxyAction.Respond(HttpStatusCode.Accepted, "",
            new Dictionary<string, string> { ["Location"] = $"http://{uploads.Address}/upload/1?state=x" }));
        using var pool = new RegistryClientPool(Credentials(registry.Address));
        var uploader = new BlobUploader(pool.Get(registry.Address), pool, new LayerCache(Path.Combine(_work, "cache")), new PushOptions { RepositoryIsNew = true });

        var outcome = await uploader.UploadAsync(Repository, new ImageBlob(new Descriptor(MediaTypes.OciLayerGzip, BlobDigest, Blob.Length), null, null) { Content = Blob }, null, CancellationToken.None);

        Assert.Equal(BlobUploadOutcome.Uploaded, outcome);
        Assert.Contains(registry.Requests, request => request.Method == "POST" && request.Header("authorization") == Secret);
        Assert.Equal(["PUT"], uploads.Requests.Select(request => request.Method)); // a small blob: one PUT with the body
        Assert.DoesNotContain(uploads.Requests, request => request.Header("authorization") is not null);
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused_with_a_coded_error()
    {
        await using var plain = Server(request => ProxyAction.Respond(HttpStatusCode.OK, Encoding.UTF8.GetString(Blob)));
        await using var registry = Server(request => Authenticated(request) ?? ProxyAction.Respond(HttpStatusCode.Found, "",
            new Dictionary<string, string> { ["Location"] = $"http://registry.test:{Port(plain)}/blob" }));
        await using var tls = new TlsRegistryFront("registry.test", registry.Address);
        using var client = Client(tls.Address, tls);

        var exception = await Assert.ThrowsAsync<RegistryException>(() => client.ReadBlobAsync(Repository, BlobDigest, CancellationToken.None));

        Assert.Equal(RegistryErrorCodes.DowngradeToHttp, exception.Code);
        Assert.Empty(plain.Requests);
    }

    [Fact]
    public async Task An_upload_location_from_https_to_http_is_refused_with_a_coded_error()
    {
        await using var plain = Server(request => ProxyAction.Respond(HttpStatusCode.Accepted));
        await using var registry = Server(request => Authenticated(request) ?? ProxyAction.Respond(HttpStatusCode.Accepted, "",
            new Dictionary<string, string> { ["Location"] = $"http://registry.test:{Port(plain)}/v2/{Repository}/blobs/uploads/1" }));
        await using var tls = new TlsRegistryFront("registry.test", registry.Address);
        var options = new RegistryClientOptions { Handler = TlsRegistryFront.TrustingHandler(tls.Certificate) };
        using var pool = new RegistryClientPool(Credentials(tls.Address), options);
        var uploader = new BlobUploader(pool.Get(tls.Address), pool, new LayerCache(Path.Combine(_work, "cache")), new PushOptions { RepositoryIsNew = true });

        var exception = await Assert.ThrowsAsync<RegistryException>(() => uploader.UploadAsync(
            Repository, new ImageBlob(new Descriptor(MediaTypes.OciLayerGzip, BlobDigest, Blob.Length), null, null) { Content = Blob }, null, CancellationToken.None));

        Assert.Equal(RegistryErrorCodes.DowngradeToHttp, exception.Code);
        Assert.Empty(plain.Requests);
    }

    [Fact]
    public async Task An_https_registry_never_sends_its_credentials_to_a_plain_http_token_service()
    {
        await using var realm = Server(request => ProxyAction.Respond(HttpStatusCode.OK, "{\"token\":\"t\"}"));
        await using var registry = Server(request => ProxyAction.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "token needed",
            new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"http://{realm.Address}/token\",service=\"registry.test\"" }));
        await using var tls = new TlsRegistryFront("registry.test", registry.Address);
        using var client = Client(tls.Address, tls);

        var exception = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(Repository, "v1", forPush: false, CancellationToken.None));

        Assert.Equal(RegistryErrorCodes.PlainHttpTokenRealm, exception.Code);
        Assert.Empty(realm.Requests);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>A loopback server that answers every request itself (the proxy never forwards).</summary>
    private static RegistryProxy Server(Func<ProxiedRequest, ProxyAction> answer) => new("127.0.0.1:9", answer);

    private static int Port(RegistryProxy server) => int.Parse(server.Address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>401 with a Basic challenge unless the request carries the registry's credentials.</summary>
    private static ProxyAction? Authenticated(ProxiedRequest request) => request.Header("authorization") == Secret
        ? null
        : ProxyAction.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "authentication required", new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"registry\"" });

    private static StaticCredentialProvider Credentials(string registry) => new(registry, new RegistryCredential("AWS", "registry-password"));

    private static RegistryClient Client(string registry, TlsRegistryFront? tls = null) =>
        new(registry, Credentials(registry), tls is null ? null : new RegistryClientOptions { Handler = TlsRegistryFront.TrustingHandler(tls.Certificate) });
}
