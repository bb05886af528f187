using EcrPublish.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>Resolves base images from Debian's docker-registry: plain manifests and indexes.</summary>
public sealed class BaseImageResolverTests : IDisposable
{
    private readonly ImageEngineSession _session = new();

    [Fact]
    public async Task An_index_resolves_to_the_manifest_of_the_requested_platform()
    {
        var folder = SyntheticPublishFolder.Create(_session.CacheDirectory, 1_000, seed: 11);
        var options = ImageEngineSession.Options(folder, "scratch") with
        {
            Platforms = [new PlatformPublish("linux-x64", folder), new PlatformPublish("linux-arm64", folder)],
        };
        var index = await _session.Builder.BuildAsync(options, CancellationToken.None);
        var repository = ImageEngineSession.NewRepository("index-base");
        await _session.Pusher.PushAsync(index, repository, ["1"], CancellationToken.None);
        var resolver = new BaseImageResolver(_session.Pool);
        var reference = ImageReference.Parse($"{_session.Registry}/{repository}:1");

        var arm = await resolver.ResolveAsync(reference, Platform.FromRuntimeIdentifier("linux-arm64"), CancellationToken.None);
        var x64 = await resolver.ResolveAsync(reference, Platform.FromRuntimeIdentifier("linux-x64"), CancellationToken.None);

        Assert.Equal(index.Images[1].Digest, arm.ManifestDigest);
        Assert.Equal(index.Images[1].ConfigBytes, arm.ConfigJson);
        Assert.Equal(index.Images[0].Digest, x64.ManifestDigest);
        Assert.Same(ImageFormat.Oci, x64.Format);

        var missingPlatform = await Assert.ThrowsAsync<RegistryException>(() => resolver.ResolveAsync(reference, Platform.FromRuntimeIdentifier("linux-s390x"), CancellationToken.None));
        Assert.Equal(RegistryErrorCodes.PlatformNotFound, missingPlatform.Code);
        Assert.Contains("linux/arm64/v8", missingPlatform.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_base_resolves_by_tag_and_by_digest_and_a_missing_tag_is_a_clear_error()
    {
        var resolver = new BaseImageResolver(_session.Pool);
        var byTag = await resolver.ResolveAsync(ImageReference.Parse(TestEnvironment.AspNetBaseImage), new Platform("linux", "amd64"), CancellationToken.None);
        var repository = ImageReference.Parse(TestEnvironment.AspNetBaseImage);
        var byDigest = await resolver.ResolveAsync(repository with { Tag = null, Digest = byTag.ManifestDigest }, new Platform("linux", "amd64"), CancellationToken.None);

        Assert.Equal(byTag.ManifestDigest, byDigest.ManifestDigest);
        Assert.NotEmpty(byTag.Manifest!.Layers);

        var missing = await Assert.ThrowsAsync<RegistryException>(() =>
            resolver.ResolveAsync(repository with { Tag = "no-such-tag" }, new Platform("linux", "amd64"), CancellationToken.None));
        Assert.Equal(RegistryErrorCodes.ManifestNotFound, missing.Code);
    }

    [Fact]
    public async Task A_platform_manifest_or_config_swapped_in_transit_is_refused_naming_both_digests()
    {
        var folder = SyntheticPublishFolder.Create(_session.CacheDirectory, 1_000, seed: 12);
        var options = ImageEngineSession.Options(folder, "scratch") with
        {
            Platforms = [new PlatformPublish("linux-x64", folder), new PlatformPublish("linux-arm64", folder)],
        };
        var index = await _session.Builder.BuildAsync(options, CancellationToken.None);
        var repository = ImageEngineSession.NewRepository("swapped-base");
        await _session.Pusher.PushAsync(index, repository, ["1"], CancellationToken.None);
        var (x64, arm) = (index.Images[0], index.Images[1]);
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        using var session = new ImageEngineSession(proxy.Address);
        var resolver = new BaseImageResolver(session.Pool);
        var reference = ImageReference.Parse($"{proxy.Address}/{repository}:1");

        // The index is genuine; the x64 manifest fetched by its digest is the arm64 one.
        proxy.Decide = request => request.Method == "GET" && request.PathAndQuery.EndsWith("/manifests/" + x64.Digest, StringComparison.Ordinal)
            ? ProxyAction.Respond(System.Net.HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(arm.ManifestBytes),
                new Dictionary<string, string> { ["Content-Type"] = arm.Manifest.MediaType })
            : ProxyAction.Forward;
        var manifest = await Assert.ThrowsAsync<RegistryException>(() => resolver.ResolveAsync(reference, Platform.FromRuntimeIdentifier("linux-x64"), CancellationToken.None));
        Assert.Equal(RegistryErrorCodes.ContentNotAsAddressed, manifest.Code);
        Assert.Contains($"{repository}@{x64.Digest}", manifest.Message, StringComparison.Ordinal);
        Assert.Contains(arm.Digest, manifest.Message, StringComparison.Ordinal);

        // The manifest is genuine; its config is another one.
        proxy.Decide = request => request.Method == "GET" && request.PathAndQuery.EndsWith("/blobs/" + x64.Manifest.Config.Digest, StringComparison.Ordinal)
            ? ProxyAction.Respond(System.Net.HttpStatusCode.OK, "{\"architecture\":\"amd64\",\"os\":\"linux\"}")
            : ProxyAction.Forward;
        var config = await Assert.ThrowsAsync<RegistryException>(() => resolver.ResolveAsync(reference, Platform.FromRuntimeIdentifier("linux-x64"), CancellationToken.None));
        Assert.Equal(RegistryErrorCodes.ContentNotAsAddressed, config.Code);
        Assert.Contains(x64.Manifest.Config.Digest, config.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_layer_cache_a_base_resolved_before_costs_one_HEAD_or_none_when_pinned_and_a_moved_tag_is_read_again()
    {
        var folder = SyntheticPublishFolder.Create(_session.CacheDirectory, 1_000, seed: 13);
        var options = ImageEngineSession.Options(folder, "scratch") with
        {
            Platforms = [new PlatformPublish("linux-x64", folder), new PlatformPublish("linux-arm64", folder)],
        };
        var index = await _session.Builder.BuildAsync(options, CancellationToken.None);
        var repository = ImageEngineSession.NewRepository("cached-base");
        await _session.Pusher.PushAsync(index, repository, ["1"], CancellationToken.None);
        await using var proxy = new RegistryProxy(TestEnvironment.Registry);
        using var session = new ImageEngineSession(proxy.Address);
        var reference = ImageReference.Parse($"{proxy.Address}/{repository}:1");
        var x64 = Platform.FromRuntimeIdentifier("linux-x64");
        List<string> Requests() => [.. proxy.Requests.Select(request => request.Method)];

        var cold = await new BaseImageResolver(session.Pool, session.Cache).ResolveAsync(reference, x64, CancellationToken.None);
        Assert.Equal(["GET", "GET", "GET"], Requests()); // the index, the platform's manifest, its config: nothing more when the cache is cold

        proxy.Reset();
        var warm = await new BaseImageResolver(session.Pool, session.Cache).ResolveAsync(reference, x64, CancellationToken.None);

        Assert.Equal(["HEAD"], Requests());
        Assert.Equal(cold.ManifestDigest, warm.ManifestDigest);
        Assert.Equal(cold.ConfigJson, warm.ConfigJson);
        Assert.Equal(cold.Manifest!.Layers, warm.Manifest!.Layers);
        Assert.Equal(index.Images[0].Digest, warm.ManifestDigest);

        var pinned = reference with { Tag = null, Digest = index.Digest };
        await new BaseImageResolver(session.Pool, session.Cache).ResolveAsync(pinned, x64, CancellationToken.None);
        proxy.Reset();
        await new BaseImageResolver(session.Pool, session.Cache).ResolveAsync(pinned, x64, CancellationToken.None);
        Assert.Empty(Requests());

        // The tag moves to another image: its digest differs, so it is read again.
        var other = await _session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(_session.CacheDirectory, 1_000, seed: 14), "scratch"), CancellationToken.None);
        await _session.Pusher.PushAsync(other, repository, ["1"], CancellationToken.None);
        proxy.Reset();
        var moved = await new BaseImageResolver(session.Pool, session.Cache).ResolveAsync(reference, x64, CancellationToken.None);

        Assert.Equal(other.Digest, moved.ManifestDigest);
        Assert.Equal(["HEAD", "GET", "GET"], Requests());
    }

    public void Dispose() => _session.Dispose();
}
