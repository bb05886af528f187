using System.Net;
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

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>
/// The push stage against LocalEcr (ECR API and registry on one port), every request counted by a proxy in front of it:
/// the tags' digests come from one BatchGetImage call, so a publish without change sends that call and nothing else, an
/// unchanged image with a new tag adds the token and one manifest PUT, and a denied BatchGetImage falls back to the
/// registry, a manifest GET per tag.
/// </summary>
public sealed class RegistryPushStageRequestTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Tags = ["v1", "0123456", "latest"];
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "push-requests-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalEcrServer _localEcr = null!;
    private RegistryProxy _proxy = null!;
    private ImageEngineSession _session = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        _localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        _proxy = new RegistryProxy(_localEcr.RegistryHost);
        // Images on scratch: building them asks no registry.
        _session = new ImageEngineSession(_localEcr.RegistryHost);
    }

    [Fact]
    public async Task No_change_is_one_BatchGetImage_and_a_new_tag_adds_the_token_and_one_PUT()
    {
        const string repository = "app/requests";
        await CreateRepositoryAsync(repository, "MUTABLE");
        var image = await BuildAsync(seed: 1);
        var first = await PushAsync(repository, image, Tags);
        Assert.Equal("BatchGetImage", Requests()[0]); // all three tags and the digest unknown: one call says so
        Assert.Equal(image.Digest, first.Digest);

        _proxy.Reset();
        var same = await PushAsync(repository, image, Tags);

        Assert.Equal("unchanged, nothing sent", same.Summary);
        Assert.Equal(["BatchGetImage"], Requests());

        _proxy.Reset();
        var newTag = await PushAsync(repository, image, [.. Tags, "build-2"]);

        Assert.Equal(["BatchGetImage", "GetAuthorizationToken", "PUT manifests/build-2"], Requests());
        Assert.StartsWith($"0 layer(s) uploaded, 0 mounted, {image.Images[0].Blobs.Count} already there, 0 bytes", newTag.Summary, StringComparison.Ordinal);
        Assert.Equal(image.Digest, await DigestOfAsync(repository, "build-2"));
    }

    [Fact]
    public async Task A_changed_image_moves_the_tags_without_a_registry_read_of_them()
    {
        const string repository = "app/changed";
        await CreateRepositoryAsync(repository, "MUTABLE");
        var v1 = await BuildAsync(seed: 1);
        var v2 = await BuildAsync(seed: 2);
        await PushAsync(repository, v1, ["v1", "latest"]);

        _proxy.Reset();
        var pushed = await PushAsync(repository, v2, ["v2", "latest"]);

        var requests = Requests();
        Assert.Equal(["BatchGetImage", "GetAuthorizationToken"], requests.Take(2));
        Assert.DoesNotContain(requests, request => request.StartsWith("GET manifests/", StringComparison.Ordinal) || request.StartsWith("HEAD manifests/", StringComparison.Ordinal));
        Assert.Equal(["PUT manifests/v2", "PUT manifests/latest"], requests.Where(request => request.StartsWith("PUT manifests/", StringComparison.Ordinal)));
        Assert.Equal(v2.Digest, pushed.Digest);
        Assert.Equal(v2.Digest, await DigestOfAsync(repository, "latest"));
        Assert.Equal(v1.Digest, await DigestOfAsync(repository, "v1"));
    }

    [Fact]
    public async Task An_immutable_tag_already_at_the_image_is_not_PUT_again_and_one_at_another_image_is_refused()
    {
        const string repository = "app/immutable";
        await CreateRepositoryAsync(repository, "IMMUTABLE");
        var v1 = await BuildAsync(seed: 1);
        await PushAsync(repository, v1, ["v1"]);

        _proxy.Reset();
        await PushAsync(repository, v1, ["v1", "v2"]);

        Assert.Equal(["BatchGetImage", "GetAuthorizationToken", "PUT manifests/v2"], Requests());
        Assert.Equal(v1.Digest, await DigestOfAsync(repository, "v2"));

        var changed = await BuildAsync(seed: 2);
        var refused = await Assert.ThrowsAsync<RegistryException>(() => PushAsync(repository, changed, ["v1"]));
        Assert.Equal(RegistryErrorCodes.TagImmutable, refused.Code);
        Assert.Equal(v1.Digest, await DigestOfAsync(repository, "v1"));
    }

    [Fact]
    public async Task A_denied_BatchGetImage_falls_back_to_a_manifest_GET_per_tag()
    {
        const string repository = "app/denied";
        await CreateRepositoryAsync(repository, "MUTABLE");
        var image = await BuildAsync(seed: 1);
        _proxy.Decide = request => request.Header("x-amz-target")?.EndsWith(".BatchGetImage", StringComparison.Ordinal) == true
            ? ProxyAction.Respond(HttpStatusCode.BadRequest,
                """{"__type":"AccessDeniedException","message":"User is not authorized to perform: ecr:BatchGetImage"}""",
                new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1", ["x-amzn-ErrorType"] = "AccessDeniedException" })
            : ProxyAction.Forward;
        await PushAsync(repository, image, Tags);

        _proxy.Reset();
        var same = await PushAsync(repository, image, Tags);

        Assert.Equal("unchanged, nothing sent", same.Summary);
        Assert.Equal(["BatchGetImage", "GetAuthorizationToken", "GET manifests/v1", "GET manifests/0123456", "GET manifests/latest"], Requests());

        _proxy.Reset();
        await PushAsync(repository, image, [.. Tags, "build-2"]);

        Assert.Equal(["BatchGetImage", "GetAuthorizationToken", "GET manifests/v1", "GET manifests/0123456", "GET manifests/latest", "GET manifests/build-2", "PUT manifests/build-2"], Requests());
        Assert.Equal(image.Digest, await DigestOfAsync(repository, "build-2"));
    }

    private Task<ImageBuildResult> BuildAsync(int seed) =>
        _session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_work, 20_000, seed), "scratch"), CancellationToken.None);

    /// <summary>A publish's push stage, with its own connections (a new token, as each publish gets), through the proxy.</summary>
    private async Task<PushedImage> PushAsync(string repository, ImageBuildResult image, IReadOnlyList<string> tags)
    {
        var request = SigningPublishRequests.For(_localEcr, repository, _work, "MUTABLE") with
        {
            ServiceUrl = new Uri("http://" + _proxy.Address),
            RegistryEndpoint = new Uri("http://" + _proxy.Address),
        };
        using var connections = new PublishConnections(request, new RecordingPublishLog(), TimeProvider.System, null, options => Ecr(options.ServiceUrl!), Path.Combine(_work, "cache"));
        // The host the repository's URI names, as provisioning hands it to the push: LocalEcr names the host it was asked on.
        var repositoryUri = (await connections.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [repository] })).Repositories![0].RepositoryUri!;
        _proxy.Reset();
        var target = new PushTarget(_proxy.Address, EcrRegistryHost.OfRepositoryUri(repositoryUri), repository, tags, RepositoryIsNew: false);
        return await new RegistryPushStage(connections, new RecordingPublishLog()).PushAsync(new DaemonlessBuildOutput(image), target, CancellationToken.None);
    }

    /// <summary>What went through the proxy: the ECR operation, or the registry request's method and last path segments.</summary>
    private List<string> Requests() => [.. _proxy.Requests.Select(request => request.Header("x-amz-target") is { } target
        ? target[(target.LastIndexOf('.') + 1)..]
        : $"{request.Method} {string.Join('/', request.PathAndQuery.Split('?')[0].Split('/')[^2..])}")];

    private async Task<string?> DigestOfAsync(string repository, string tag)
    {
        using var ecr = Ecr(_localEcr.Endpoint);
        var response = await ecr.BatchGetImageAsync(new BatchGetImageRequest { RepositoryName = repository, ImageIds = [new ImageIdentifier { ImageTag = tag }] });
        return response.Images?.SingleOrDefault()?.ImageId?.ImageDigest;
    }

    private async Task CreateRepositoryAsync(string name, string mutability)
    {
        using var ecr = Ecr(_localEcr.Endpoint);
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = mutability });
    }

    private EcrApiClient Ecr(Uri serviceUrl) => new(new EcrClientOptions
    {
        Region = _localEcr.Options.Region,
        ServiceUrl = serviceUrl,
        Credentials = new Amazon.Runtime.BasicAWSCredentials(_localEcr.Options.AccessKeyId, _localEcr.Options.SecretAccessKey),
    });

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _session.Dispose();
        _proxy.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _localEcr.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_work, recursive: true);
    }
}
