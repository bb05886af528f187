using System.Net;
using System.Text;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>An http push endpoint makes only that registry plain http: the base image's registry stays on https.</summary>
public sealed class PlainHttpOriginTests : IDisposable
{
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "plain-http-origin-" + Guid.NewGuid().ToString("N")[..8]);

    public PlainHttpOriginTests() => Directory.CreateDirectory(_work);

    [Fact]
    public async Task A_push_to_an_http_endpoint_fetches_the_base_from_its_tls_registry_over_https_and_sends_no_credential_over_http()
    {
        var baseRepository = ImageEngineSession.NewRepository("tls-base");
        using (var seeding = new ImageEngineSession())
        {
            var baseFolder = SyntheticPublishFolder.Create(_work, 200_000, seed: 21);
            var baseImage = await seeding.Builder.BuildAsync(ImageEngineSession.Options(baseFolder, "scratch"), CancellationToken.None);
            await seeding.Pusher.PushAsync(baseImage, baseRepository, ["1"], CancellationToken.None);
        }

        var secret = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("base-user:base-secret"));
        await using var baseRegistry = new RegistryProxy(TestEnvironment.Registry);
        baseRegistry.Decide = request => request.Header("authorization") == secret
            ? ProxyAction.Forward
            : ProxyAction.Error(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "authentication required", new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"base\"" });
        await using var tls = new TlsRegistryFront("base.registry.test", baseRegistry.Address);
        await using var pushRegistry = new RegistryProxy(TestEnvironment.Registry);
        var pushHost = $"push.registry.test:{pushRegistry.Address.Split(':')[1]}";

        // What the publish pipeline builds for EcrRegistryEndpoint=http://push.registry.test:port.
        var options = new RegistryClientOptions { PlainHttpRegistries = [pushHost], Handler = TlsRegistryFront.TrustingHandler(tls.Certificate) };
        var credentials = new StaticCredentialProvider(tls.Address, new RegistryCredential("base-user", "base-secret"));
        using var pool = new RegistryClientPool(credentials, options);
        var cache = new LayerCache(Path.Combine(_work, "cache"));
        var folder = SyntheticPublishFolder.Create(_work, 1_000, seed: 22);
        var image = await new ImageBuilder(cache, new BaseImageResolver(pool))
            .BuildAsync(ImageEngineSession.Options(folder, $"{tls.Address}/{baseRepository}:1"), CancellationToken.None);
        var repository = ImageEngineSession.NewRepository("on-tls-base");
        var result = await new ImagePusher(pool.Get(pushHost), pool, cache, ImageEngineSession.FastRetries())
            .PushAsync(image, repository, ["v1"], CancellationToken.None);

        Assert.Equal(image.Digest, result.Digest);
        Assert.True(tls.Handshakes > 0, "the base registry was reached over TLS");
        Assert.Contains(baseRegistry.Requests, request => request.Method == "GET" && request.PathAndQuery.Contains("/blobs/", StringComparison.Ordinal) && request.Header("authorization") == secret);
        Assert.NotEmpty(pushRegistry.Requests);
        Assert.DoesNotContain(pushRegistry.Requests, request => request.Header("authorization") is not null);
        Assert.DoesNotContain(pushRegistry.Requests, request => request.PathAndQuery.Contains(baseRepository, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
