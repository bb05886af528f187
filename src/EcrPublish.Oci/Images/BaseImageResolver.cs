using EcrPublish.Registry;

namespace EcrPublish.Images;

/// <summary>
/// Resolves a base image from its registry: the manifest (or, from an index, the platform's manifest)
/// and the config, asking for every Docker and OCI media type so the registry never converts. With a layer cache, a
/// reference resolved before costs one HEAD (none when pinned by digest) while its digest stays the same.
/// </summary>
/// <param name="registries">The registries base images come from.</param>
/// <param name="cache">Where resolutions are remembered; null to fetch every time.</param>
public sealed class BaseImageResolver(RegistryClientPool registries, LayerCache? cache = null) : IBaseImageSource
{
    private readonly ResolvedBaseImageCache? _resolved = cache is null ? null : new ResolvedBaseImageCache(cache);

    public async Task<BaseImage> ResolveAsync(ImageReference reference, Platform platform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var client = registries.Get(reference.Registry);
        if (_resolved?.LastTopDigest(reference, platform) is { } last)
        {
            // Only a reference resolved before is asked for its digest first: a cold cache costs no extra request.
            var current = reference.Digest ?? await client.ManifestDigestAsync(reference.Repository, reference.Reference, forPush: false, cancellationToken).ConfigureAwait(false);
            if (current == last && _resolved.TryLoad(reference, platform, last) is { } known)
            {
                return known;
            }
        }

        var top = await client.GetManifestAsync(reference.Repository, reference.Reference, forPush: false, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryException(RegistryErrorCodes.ManifestNotFound,
                $"The base image '{reference}' was not found. Check ContainerBaseImage (name and tag) and that you may pull it.");
        var manifest = top;
        if (MediaTypes.IsIndex(top.MediaType) || LooksLikeIndex(top.Content))
        {
            var index = ImageIndex.Parse(top.Content, top.MediaType);
            var child = index.Manifests.FirstOrDefault(descriptor => descriptor.Platform is { } p && platform.Matches(p))
                ?? throw new RegistryException(RegistryErrorCodes.PlatformNotFound,
                    $"The base image '{reference}' has no {platform} image (it has {string.Join(", ", index.Manifests.Select(m => m.Platform?.ToString() ?? "?"))}). Pick another runtime identifier or base image.");
            manifest = await client.GetManifestAsync(reference.Repository, child.Digest, forPush: false, cancellationToken).ConfigureAwait(false)
                ?? throw new RegistryException(RegistryErrorCodes.ManifestNotFound, $"The {platform} manifest {child.Digest} of '{reference}' is missing from the registry.");
        }

        ImageManifest parsed;
        try
        {
            parsed = ImageManifest.Parse(manifest.Content, manifest.MediaType);
        }
        catch (Exception exception) when (exception is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new ImageBuildException(ImageErrorCodes.BaseImageInvalid,
                $"The manifest of base image '{reference}' cannot be read ({exception.Message}). Use an OCI or Docker v2 image.", exception);
        }

        var config = await client.ReadBlobAsync(reference.Repository, parsed.Config.Digest, cancellationToken).ConfigureAwait(false);
        _resolved?.Store(reference, platform, top.Digest, manifest.Digest, manifest.MediaType, manifest.Content, config);
        return new BaseImage(reference, manifest.Digest, parsed, config);
    }

    private static bool LooksLikeIndex(byte[] content) =>
        System.Text.Json.Nodes.JsonNode.Parse(content)?["manifests"] is not null;
}
