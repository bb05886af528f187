using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests.PullThrough;

/// <summary>
/// Pull-through cache end to end: <c>docker pull HOST/cache/&lt;upstream path&gt;:&lt;tag&gt;</c> through the test engine
/// fetches the image from Debian's docker-registry (behind a forwarder the test controls), stores it in a repository
/// created on first pull, and is answered from the cache once the upstream is gone.
/// </summary>
public sealed class PullThroughDockerTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private DockerCli docker = null!;
    private AwsCli aws = null!;
    private LoopbackForwarder upstream = null!;
    private string upstreamRepository = null!;
    private string upstreamTag = null!;
    private string cached = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        docker = new DockerCli();
        aws = new AwsCli(TestEnvironment.AwsCliV2, ecr.Server);
        upstream = LoopbackForwarder.Start(TestEnvironment.Registry);

        // ECRPUB_BASE_ASPNET is <registry>/<repository>:<tag> in the test registry.
        var path = TestEnvironment.AspNetBaseImage[(TestEnvironment.Registry.Length + 1)..];
        upstreamRepository = path[..path.LastIndexOf(':')];
        upstreamTag = path[(path.LastIndexOf(':') + 1)..];
        cached = $"{ecr.Host}/cache/{upstreamRepository}:{upstreamTag}";
    }

    public async Task DisposeAsync()
    {
        await docker.RunAsync(["image", "rm", "-f", cached]);
        docker.DeleteConfig();
        await upstream.DisposeAsync();
        await ecr.DisposeAsync();
    }

    [Fact]
    public async Task Docker_pulls_through_the_cache_then_from_the_cache_alone()
    {
        await aws.RunAsync("create-pull-through-cache-rule", "--ecr-repository-prefix", "cache", "--upstream-registry-url", upstream.Address);
        var password = (await aws.RunAsync("get-login-password")).Trim();
        (await docker.RunAsync(["login", "--username", "AWS", "--password-stdin", ecr.Host], password)).EnsureSuccess();
        var missing = await aws.RunRawAsync(null, "describe-repositories", "--repository-names", $"cache/{upstreamRepository}");
        Assert.Contains("RepositoryNotFoundException", missing.StandardError, StringComparison.Ordinal);

        var first = await docker.RunCheckedAsync("pull", cached);
        Assert.True(upstream.Connections > 0, "the first pull did not reach the upstream registry");
        var upstreamDigest = await UpstreamDigestAsync();
        Assert.Contains(upstreamDigest, first, StringComparison.Ordinal);

        var images = await aws.JsonAsync("describe-images", "--repository-name", $"cache/{upstreamRepository}");
        var image = images["imageDetails"]!.AsArray().Single()!;
        Assert.Equal(upstreamDigest, image["imageDigest"]!.GetValue<string>());
        Assert.Equal(upstreamTag, image["imageTags"]![0]!.GetValue<string>());
        Assert.True(image["imageSizeInBytes"]!.GetValue<long>() > 1_000_000);

        // The upstream goes away; the cache answers on its own.
        await upstream.DisposeAsync();
        await docker.RunCheckedAsync("image", "rm", cached);
        var second = await docker.RunCheckedAsync("pull", cached);
        Assert.Contains(upstreamDigest, second, StringComparison.Ordinal);

        // A tag the cache never saw needs the upstream, which is gone: the pull fails, saying why.
        var unseen = await docker.RunAsync(["pull", $"{ecr.Host}/cache/{upstreamRepository}:not-cached"]);
        Assert.NotEqual(0, unseen.ExitCode);
        Assert.Contains("upstream registry", unseen.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_api_serves_the_cached_manifest_and_blobs()
    {
        await aws.RunAsync("create-pull-through-cache-rule", "--ecr-repository-prefix", "cache", "--upstream-registry-url", upstream.Address);
        using var registry = await ecr.RegistryAsync();
        using var manifestResponse = await registry.SendAsync(HttpMethod.Get, $"/v2/cache/{upstreamRepository}/manifests/{upstreamTag}");
        Assert.Equal(200, (int)manifestResponse.StatusCode);
        var manifest = JsonNode.Parse(await manifestResponse.Content.ReadAsStringAsync())!;
        var layer = manifest["layers"]![0]!["digest"]!.GetValue<string>();
        using var blob = await registry.SendAsync(HttpMethod.Get, $"/v2/cache/{upstreamRepository}/blobs/{layer}");
        Assert.Equal(200, (int)blob.StatusCode);
        Assert.Equal(layer, RegistryTestClient.Digest(await blob.Content.ReadAsByteArrayAsync()));

        using var absent = await registry.SendAsync(HttpMethod.Get, $"/v2/cache/{upstreamRepository}/manifests/no-such-tag");
        Assert.Equal(404, (int)absent.StatusCode);
    }

    private async Task<string> UpstreamDigestAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{TestEnvironment.Registry}/v2/{upstreamRepository}/manifests/{upstreamTag}");
        foreach (var type in new[] { "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json" })
        {
            request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(type));
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }
}
