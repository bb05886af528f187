using System.Net;
using System.Text;
using EcrPublish.Aws;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.LocalEcr;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>
/// <see cref="ImageCopier"/> between Debian's docker-registry 2.8 (no referrers API: the <c>sha256-&lt;hex&gt;</c> tag) and
/// LocalEcr (referrers API), with an image built by the daemonless engine on the seeded ASP.NET Core base (real Debian and
/// .NET layers) and its SBOM and provenance attached: digests and referrers arrive in both directions, a second copy sends
/// no blob, a source that serves a damaged blob is refused with ECR7035 before anything is committed, each subject's
/// referrers tag is read and written once (counted through a proxy), and a blob above the chunked-upload size is
/// copied in parts and arrives byte for byte.
/// </summary>
public sealed class ImageCopierTests : IDisposable
{
    private static readonly ReferrerArtifact Sbom = new("application/spdx+json", "application/spdx+json", Encoding.UTF8.GetBytes("{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"app\"}"));
    private static readonly ReferrerArtifact Provenance = new("application/vnd.in-toto+json", "application/vnd.in-toto+json", Encoding.UTF8.GetBytes("{\"_type\":\"https://in-toto.io/Statement/v1\"}"));

    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "copier-" + Guid.NewGuid().ToString("N")[..8]);

    public ImageCopierTests() => Directory.CreateDirectory(_work);

    [Fact]
    public async Task A_built_image_and_its_referrers_copy_from_the_referrers_tag_to_the_referrers_API_and_back_with_the_same_digests()
    {
        using var session = new ImageEngineSession();
        var repository = ImageEngineSession.NewRepository("copy-source");
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_work, 200_000, seed: 11), session.AspNetBase), CancellationToken.None);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);
        var subject = new Descriptor(image.MediaType, image.Digest, image.TopManifestBytes.Length);
        var attached = await new ArtifactAttacher(session.Client, session.Pool, session.Cache, ImageEngineSession.FastRetries()).AttachAsync(repository, subject, [Sbom, Provenance], CancellationToken.None);
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using var ecr = await ClientAsync(localEcr, "promoted/app");
        var back = ImageEngineSession.NewRepository("copy-back");

        var plan = await new CopyPlanReader(session.Client).ReadAsync(repository, "v1", CancellationToken.None);
        var toEcr = await new ImageCopier(session.Client, ecr, ImageEngineSession.FastRetries()).CopyAsync(plan, repository, "promoted/app", "v1", null, CancellationToken.None);
        var again = await new ImageCopier(session.Client, ecr, ImageEngineSession.FastRetries()).CopyAsync(plan, repository, "promoted/app", "v1", null, CancellationToken.None);
        var fromEcr = await new CopyPlanReader(ecr).ReadAsync("promoted/app", image.Digest, CancellationToken.None);
        var toRegistry = await new ImageCopier(ecr, session.Client, ImageEngineSession.FastRetries()).CopyAsync(fromEcr, "promoted/app", back, "v1", null, CancellationToken.None);

        Assert.Equal(["image", "referrer application/spdx+json", "referrer application/vnd.in-toto+json"], plan.Manifests.Select(manifest => manifest.Role));
        Assert.True(toEcr.BlobsStreamed >= 5, $"{toEcr.BlobsStreamed} blobs streamed");
        Assert.True(toEcr.BytesStreamed > 10_000_000, $"{toEcr.BytesStreamed} bytes streamed");
        Assert.Equal(image.Digest, (await ecr.GetManifestAsync("promoted/app", "v1", forPush: false, CancellationToken.None))!.Digest);
        var listed = await new ReferrersReader(ecr).ListAsync("promoted/app", image.Digest, null, CancellationToken.None);
        Assert.True(listed.FromReferrersApi);
        Assert.Equal(attached.Referrers.Select(referrer => referrer.Digest).Order(StringComparer.Ordinal), listed.Referrers.Select(referrer => referrer.Digest).Order(StringComparer.Ordinal));

        Assert.Equal((0, 0, toEcr.BlobsStreamed), (again.BlobsStreamed, again.BlobsMounted, again.BlobsPresent));
        Assert.All(again.Manifests, manifest => Assert.False(manifest.Pushed));
        Assert.False(again.TagMoved);

        Assert.Equal(image.Digest, (await session.Client.GetManifestAsync(back, "v1", forPush: false, CancellationToken.None))!.Digest);
        var tagListed = await new ReferrersReader(session.Client).ListAsync(back, image.Digest, null, CancellationToken.None);
        Assert.False(tagListed.FromReferrersApi);
        Assert.Equal(attached.Referrers.Select(referrer => (referrer.Digest, referrer.ArtifactType)).Order(), tagListed.Referrers.Select(referrer => (referrer.Digest, referrer.ArtifactType)).Order());
        Assert.Equal(3, toRegistry.Manifests.Count(manifest => manifest.Pushed));
    }

    [Fact]
    public async Task A_blob_the_source_serves_damaged_is_ECR7035_and_never_committed()
    {
        using var session = new ImageEngineSession();
        var repository = ImageEngineSession.NewRepository("copy-damaged");
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_work, 20_000, seed: 5), "scratch"), CancellationToken.None);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);
        var layer = image.Images[0].Manifest.Layers[^1];
        await using var proxy = new RegistryProxy(TestEnvironment.Registry, request => request.Method == "GET" && request.PathAndQuery.EndsWith("/blobs/" + layer.Digest, StringComparison.Ordinal)
            ? ProxyAction.Respond(HttpStatusCode.OK, new string('x', (int)layer.Size), new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" })
            : ProxyAction.Forward);
        using var source = new RegistryClient(proxy.Address, null);
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        using var ecr = await ClientAsync(localEcr, "damaged/app");

        var plan = await new CopyPlanReader(source).ReadAsync(repository, "v1", CancellationToken.None);
        var exception = await Assert.ThrowsAsync<RegistryException>(() => new ImageCopier(source, ecr, ImageEngineSession.FastRetries()).CopyAsync(plan, repository, "damaged/app", "v1", null, CancellationToken.None));

        Assert.Equal(CopyErrorCodes.BlobNotAsAddressed, exception.Code);
        Assert.Contains(layer.Digest, exception.Message, StringComparison.Ordinal);
        Assert.False(await ecr.BlobExistsAsync("damaged/app", layer.Digest, CancellationToken.None));
        Assert.Null(await ecr.ManifestDigestAsync("damaged/app", "v1", CancellationToken.None));
    }

    [Fact]
    public async Task Referrers_copied_to_a_registry_without_the_referrers_API_update_each_subjects_referrers_tag_once()
    {
        using var session = new ImageEngineSession();
        var repository = ImageEngineSession.NewRepository("copy-referrers");
        var image = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_work, 20_000, seed: 7), "scratch"), CancellationToken.None);
        await session.Pusher.PushAsync(image, repository, ["v1"], CancellationToken.None);
        var subject = new Descriptor(image.MediaType, image.Digest, image.TopManifestBytes.Length);
        var signature = new ReferrerArtifact("application/vnd.cncf.notary.signature", "application/jose+json", Encoding.UTF8.GetBytes("{\"payload\":\"x\"}"));
        var attached = await new ArtifactAttacher(session.Client, session.Pool, session.Cache, ImageEngineSession.FastRetries()).AttachAsync(repository, subject, [Sbom, Provenance, signature], CancellationToken.None);
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        using var destination = new RegistryClient(proxy.Address, null);
        var target = ImageEngineSession.NewRepository("copy-referrers-target");
        var referrersTag = $"/v2/{target}/manifests/{ReferrersTag.For(image.Digest)}";

        var plan = await new CopyPlanReader(session.Client).ReadAsync(repository, "v1", CancellationToken.None);
        await new ImageCopier(session.Client, destination, ImageEngineSession.FastRetries()).CopyAsync(plan, repository, target, "v1", null, CancellationToken.None);

        Assert.Equal(3, plan.Manifests.Count(manifest => manifest.SubjectDigest == image.Digest));
        var tagRequests = proxy.Requests.Where(request => request.PathAndQuery == referrersTag).Select(request => request.Method).ToList();
        Assert.Equal(1, tagRequests.Count(method => method == "PUT"));
        Assert.Equal(2, tagRequests.Count(method => method == "GET")); // the read before the write, and the check after it
        Assert.Equal(1, proxy.Requests.Count(request => request.PathAndQuery == $"/v2/{target}/referrers/{image.Digest}"));
        var listed = await new ReferrersReader(destination).ListAsync(target, image.Digest, null, CancellationToken.None);
        Assert.False(listed.FromReferrersApi);
        Assert.Equal(attached.Referrers.Select(referrer => referrer.Digest).Order(StringComparer.Ordinal), listed.Referrers.Select(referrer => referrer.Digest).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_blob_above_the_chunked_upload_size_is_copied_across_registries_in_parts_and_arrives_byte_identical()
    {
        var content = new byte[12 * 1024 * 1024 + 12_345];
        new Random(17).NextBytes(content);
        var blob = new Descriptor("application/octet-stream", ContentDigest.Of(content), content.Length);
        var repository = ImageEngineSession.NewRepository("copy-parts-source");
        var target = ImageEngineSession.NewRepository("copy-parts-target");
        using var source = new RegistryClient(TestEnvironment.Registry, null);
        await new BlobUploader(source, ImageEngineSession.FastRetries()).UploadAsync(repository, new ImageBlob(blob, null, null) { Content = content }, null, CancellationToken.None);
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        using var destination = new RegistryClient(proxy.Address, null);
        var options = ImageEngineSession.FastRetries() with { ChunkSize = 8 * 1024 * 1024, ChunkedUploadAbove = 1024 * 1024 };
        long sent = 0;

        var outcome = await new BlobUploader(destination, options).CopyFromAsync(target, blob, source, repository, bytes => Interlocked.Add(ref sent, bytes), CancellationToken.None);

        Assert.Equal(BlobUploadOutcome.Uploaded, outcome);
        var patches = proxy.Requests.Where(request => request.Method == "PATCH").ToList();
        Assert.Equal(["0-8388607", $"8388608-{content.Length - 1}"], patches.Select(request => request.Header("content-range")));
        Assert.Equal([8L * 1024 * 1024, content.Length - (8L * 1024 * 1024)], patches.Select(request => request.BodyLength));
        Assert.Equal(content.Length, sent);

        // Read back with a plain HTTP client (not ours): the registry holds exactly the source's bytes.
        using var http = new HttpClient();
        var stored = await http.GetByteArrayAsync($"http://{TestEnvironment.Registry}/v2/{target}/blobs/{blob.Digest}");
        Assert.Equal(blob.Digest, "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)));
        Assert.True(content.AsSpan().SequenceEqual(stored));
    }

    /// <summary>A registry client for LocalEcr with <paramref name="repository"/> created in it.</summary>
    private static async Task<RegistryClient> ClientAsync(LocalEcrServer localEcr, string repository)
    {
        using var api = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
        });
        (await api.InvokeAsync("CreateRepository", Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{repository}}"}"""))).Dispose();
        var password = (await api.GetRegistryCredentialsAsync()).Password;
        return new RegistryClient(localEcr.RegistryHost, new StaticCredentialProvider(localEcr.RegistryHost, new RegistryCredential("AWS", password)));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
