using EcrPublish.Registry;

namespace EcrPublish.Images;

/// <summary>
/// The layers of an image already in a registry (usually the previous push of the same repository),
/// by diffID. gzip output differs between runtimes and machines; reusing the published blob for an
/// identical uncompressed layer keeps the image digest stable and avoids uploading it again.
/// </summary>
public sealed class PublishedLayers
{
    public static readonly PublishedLayers None = new(null, new Dictionary<string, Descriptor>());

    private PublishedLayers(ImageReference? origin, IReadOnlyDictionary<string, Descriptor> byDiffId)
    {
        Origin = origin;
        ByDiffId = byDiffId;
    }

    /// <summary>Where the blobs are.</summary>
    public ImageReference? Origin { get; }

    public IReadOnlyDictionary<string, Descriptor> ByDiffId { get; }

    /// <summary>Reads the layers of every platform image under <paramref name="reference"/>; empty when the tag does not exist.</summary>
    public static async Task<PublishedLayers> ReadAsync(RegistryClientPool registries, ImageReference reference, CancellationToken cancellationToken)
    {
        var client = registries.Get(reference.Registry);
        RemoteManifest? top;
        try
        {
            top = await client.GetManifestAsync(reference.Repository, reference.Reference, forPush: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException exception) when (exception.Code == RegistryErrorCodes.RepositoryNotFound)
        {
            return None;
        }

        if (top is null)
        {
            return None;
        }

        var manifests = new List<RemoteManifest>();
        if (MediaTypes.IsIndex(top.MediaType))
        {
            foreach (var child in ImageIndex.Parse(top.Content, top.MediaType).Manifests)
            {
                if (await client.GetManifestAsync(reference.Repository, child.Digest, forPush: false, cancellationToken).ConfigureAwait(false) is { } manifest)
                {
                    manifests.Add(manifest);
                }
            }
        }
        else
        {
            manifests.Add(top);
        }

        var byDiffId = new Dictionary<string, Descriptor>(StringComparer.Ordinal);
        foreach (var remote in manifests.Where(manifest => MediaTypes.IsManifest(manifest.MediaType)))
        {
            var manifest = ImageManifest.Parse(remote.Content, remote.MediaType);
            var config = await client.ReadBlobAsync(reference.Repository, manifest.Config.Digest, cancellationToken).ConfigureAwait(false);
            var diffIds = System.Text.Json.Nodes.JsonNode.Parse(config)?["rootfs"]?["diff_ids"]?.AsArray()
                .Select(node => node?.GetValue<string>() ?? "").ToList() ?? [];
            foreach (var (diffId, layer) in diffIds.Zip(manifest.Layers))
            {
                byDiffId.TryAdd(diffId, layer);
            }
        }

        return new PublishedLayers(reference, byDiffId);
    }
}
