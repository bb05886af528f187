using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.IntegrationTests.Scanning;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.SupplyChain;

/// <summary>
/// What the SBOM and provenance cost in registry requests, counted through the proxy from the end of the push to the
/// end of the attach stage (the push's own requests are the push stage's): a code change on LocalEcr (referrers API)
/// and on Debian's registry (referrers tag), and the base image's package databases read from the registry once per
/// machine, then from the layer cache's record.
/// </summary>
public sealed class SupplyChainRequestTests : IDisposable
{
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "supply-chain-requests-" + Guid.NewGuid().ToString("N")[..8]);

    public SupplyChainRequestTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task LocalEcr_a_code_change_attaches_its_SBOM_and_provenance_in_7_requests()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey);
        EcrApiClient Ecr(EcrClientOptions? _ = null) => new(new EcrClientOptions { Region = localEcr.Options.Region, ServiceUrl = localEcr.Endpoint, Credentials = credentials });
        const string repository = "app/supply-chain";
        using (var ecr = Ecr())
        {
            await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = repository });
        }

        await using var proxy = new RegistryProxy(localEcr.RegistryHost);
        var folder = SyntheticPublishFolder.Create(_work, 20_000, seed: 5);
        // Scratch has no .NET: the app's frameworks are then not looked for.
        File.Delete(Path.Combine(folder, "App.runtimeconfig.json"));
        var request = Request(repository, folder, "scratch", localEcr.Options.Region, localEcr.Endpoint, proxy.Address);

        // The repository has never held an artifact: the first manifest is refused for its config, which goes up then.
        var (_, cold) = await PublishAsync(request with { GitSha = new string('1', 40) }, Ecr, proxy, repositoryIsNew: false);
        AssertRequests(
        [
            "GET referrers", "POST upload", "PUT blob", "POST upload", "PUT blob",
            "PUT manifest", "HEAD blob", "POST upload", "PUT blob", "PUT manifest", "PUT manifest",
        ], cold);

        File.WriteAllText(Path.Combine(folder, "App.dll"), "changed");
        var (_, change) = await PublishAsync(request with { GitSha = new string('2', 40) }, Ecr, proxy, repositoryIsNew: false);

        // One listing of the new image's referrers, each document's blob in two requests (no HEAD), its manifest in one.
        AssertRequests(["GET referrers", "POST upload", "PUT blob", "POST upload", "PUT blob", "PUT manifest", "PUT manifest"], change);

        var (_, again) = await PublishAsync(request with { GitSha = new string('2', 40) }, Ecr, proxy, repositoryIsNew: false);
        Assert.Equal(["GET referrers"], again);
    }

    [Fact]
    public async Task Debian_registry_a_code_change_attaches_through_the_referrers_tag_and_the_base_image_packages_are_read_once_per_machine()
    {
        EcrApiClient Moto(EcrClientOptions? _ = null) => new(new EcrClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = new Uri(TestEnvironment.MotoUrl),
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        });
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        var repository = ImageEngineSession.NewRepository("e2e/supply-chain");
        var baseImage = proxy.Address + TestEnvironment.AspNetBaseImage[TestEnvironment.Registry.Length..];
        var folder = SyntheticPublishFolder.Create(_work, 20_000, seed: 6);
        var request = Request(repository, folder, baseImage, "us-east-1", new Uri(TestEnvironment.MotoUrl), proxy.Address);
        var cache = Path.Combine(_work, "cache");
        var baseLayers = await BaseLayersAsync(baseImage);

        var (coldAll, cold) = await PublishAsync(request with { GitSha = new string('1', 40) }, Moto, proxy, repositoryIsNew: true, cache);
        Assert.Equal(baseLayers.Count, BlobGets(coldAll, baseLayers));
        // A registry without the referrers API: the listing is the referrers tag, written back with both documents and read
        // again to check; in a repository this publish created the empty config goes up first, without a HEAD.
        AssertRequests(
        [
            "GET referrers", "GET referrers tag", "POST upload", "PUT blob", "POST upload", "PUT blob", "POST upload", "PUT blob",
            "PUT manifest", "PUT manifest", "PUT referrers tag", "GET referrers tag",
        ], [.. cold.Where(request => request != "GET blob")]);
        var sbom = File.ReadAllBytes(Path.Combine(_work, "obj", "ecrpublish.sbom.spdx.json"));

        // Another machine's cache but for the base image's records: no layer of the base image is read.
        var secondCache = Path.Combine(_work, "second-cache");
        CopyDirectory(Path.Combine(cache, "listings"), Path.Combine(secondCache, "listings"));
        File.WriteAllText(Path.Combine(folder, "App.dll"), "changed");
        var (changeAll, change) = await PublishAsync(request with { GitSha = new string('2', 40) }, Moto, proxy, repositoryIsNew: false, secondCache);

        Assert.Equal(0, BlobGets(changeAll, baseLayers));
        AssertRequests(
        [
            "GET referrers", "GET referrers tag", "POST upload", "PUT blob", "POST upload", "PUT blob", "PUT manifest", "PUT manifest", "PUT referrers tag", "GET referrers tag",
        ], change);

        // The same SBOM from the record as from the layers: only the commit and the image differ between the two publishes.
        var fromRecord = File.ReadAllText(Path.Combine(_work, "obj", "ecrpublish.sbom.spdx.json"));
        Assert.Equal(OsPackageLines(System.Text.Encoding.UTF8.GetString(sbom)), OsPackageLines(fromRecord));
        Assert.NotEmpty(OsPackageLines(fromRecord));
    }

    // The documents' blobs go up concurrently, so only the listing's place (first) and the requests' kinds and numbers are fixed.
    private static void AssertRequests(List<string> expected, List<string> actual)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Equal(expected[0], actual[0]);
    }

    private static int BlobGets(IEnumerable<ProxiedRequest> requests, IReadOnlyList<string> digests) =>
        requests.Count(request => request.Method == "GET" && digests.Any(digest => request.PathAndQuery.EndsWith("/blobs/" + digest, StringComparison.Ordinal)));

    private async Task<(List<ProxiedRequest> All, List<string> Attach)> PublishAsync(EcrPublishRequest request, Func<EcrClientOptions, EcrApiClient> ecr, RegistryProxy proxy, bool repositoryIsNew, string? cache = null)
    {
        var log = new RecordingPublishLog();
        using var connections = new PublishConnections(request, log, TimeProvider.System, null, ecr, cache ?? Path.Combine(_work, "cache"));
        var image = await new DaemonlessBuildStage(connections, log).BuildAsync(request, ImageOptionsFactory.Create(request), CancellationToken.None);
        var target = new PushTarget(proxy.Address, proxy.Address, request.Repository, request.Tags, repositoryIsNew);
        var pushed = await new RegistryPushStage(connections, new RecordingPublishLog()).PushAsync(image, target, CancellationToken.None);
        var beforeAttach = proxy.Requests.Count;
        await new SupplyChainAttachStage(request, connections, null, log).AttachAsync(target, pushed, CancellationToken.None);
        var all = proxy.Requests.ToList();
        proxy.Reset();
        return (all, [.. all.Skip(beforeAttach).Select(Kind)]);
    }

    private static string Kind(ProxiedRequest request)
    {
        var path = request.PathAndQuery;
        var kind = request.Method + " " + (path switch
        {
            _ when path.Contains("/referrers/", StringComparison.Ordinal) => "referrers",
            _ when path.Contains("/manifests/sha256-", StringComparison.Ordinal) => "referrers tag",
            _ when path.Contains("/manifests/", StringComparison.Ordinal) => "manifest",
            _ when request.Method == "POST" && path.Contains("/blobs/uploads/", StringComparison.Ordinal) => "upload",
            _ when path.Contains("/blobs/", StringComparison.Ordinal) => "blob",
            _ => path,
        });
        return kind;
    }

    private static List<string> OsPackageLines(string spdx) =>
        [.. spdx.Split('\n').Where(line => line.Contains("pkg:deb/", StringComparison.Ordinal))];

    private static async Task<IReadOnlyList<string>> BaseLayersAsync(string baseImage)
    {
        using var registries = new RegistryClientPool(null, new RegistryClientOptions { PlainHttpRegistries = [baseImage.Split('/')[0]] });
        var reference = ImageReference.Parse(baseImage);
        var resolved = await new BaseImageResolver(registries).ResolveAsync(reference, new Platform("linux", "amd64"), CancellationToken.None);
        return [.. resolved.Manifest!.Layers.Select(layer => layer.Digest)];
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private EcrPublishRequest Request(string repository, string folder, string baseImage, string region, Uri serviceUrl, string registry) => new()
    {
        Repository = repository,
        Tags = ["v1"],
        RepositorySettings = new RepositorySettings(true, true, "MUTABLE", [], null, null, new Dictionary<string, string>(), null, null),
        ImageBuilder = ImageBuilderKind.Daemonless,
        Scan = new ScanSettings(null, TimeSpan.FromMinutes(1), null),
        ResultFile = Path.Combine(_work, "obj", "ecrpublish.result.json"),
        PublishDirectory = folder,
        Project = new ProjectFacts("App", "App", "App.dll", "10.0", false, true, "1.0.0"),
        Container = new ContainerSettings { BaseImage = baseImage },
        Region = region,
        ServiceUrl = serviceUrl,
        RegistryEndpoint = new Uri("http://" + registry),
    };
}
