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

    public void Dispose() => _session.Dispose();
}
