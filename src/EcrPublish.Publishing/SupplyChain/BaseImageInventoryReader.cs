using EcrPublish.Images;
using EcrPublish.Images.Packages;
using EcrPublish.Registry;

namespace EcrPublish.SupplyChain;

/// <summary>
/// Reads what an SBOM says about a base image from its layers (os-release, the dpkg/apk databases, the shared-framework
/// folders: <see cref="SbomInputGatherer.IsInventoryFile"/> and <see cref="IsFrameworkPath"/>), each layer once per
/// machine: from its record in the layer cache (<see cref="LayerListingStore"/>), else from the blob cache, else
/// streamed from the base image's registry (layers concurrently; nothing but the record is written), then recorded.
/// </summary>
/// <param name="cache">The layer cache (records, and blobs a build or an earlier version downloaded).</param>
/// <param name="registries">The registry clients the base image is read through.</param>
public sealed class BaseImageInventoryReader(LayerCache cache, RegistryClientPool registries)
{
    /// <summary>The name of what a record keeps; a change to <see cref="SbomInputGatherer.IsInventoryFile"/> or <see cref="IsFrameworkPath"/> changes it.</summary>
    public const string Selection = "sbom-v1";

    /// <summary>Whether a path is one the SBOM lists (under the shared-framework roots <see cref="RuntimeFrameworkResolver"/> looks in).</summary>
    public static bool IsFrameworkPath(string path) => RuntimeFrameworkResolver.IsUnderSharedRoot(path);

    /// <summary>The base image's files as far as the SBOM reads them (empty for scratch or an unresolved base).</summary>
    public async Task<ImageFileSystem> ReadAsync(BaseImage? baseImage, CancellationToken cancellationToken)
    {
        if (baseImage is not { Reference: { } reference, Manifest: { } manifest })
        {
            return ImageFileSystem.Stack([]);
        }

        var store = new LayerListingStore(cache, Selection);
        var listings = await Task.WhenAll(manifest.Layers.Select(layer => ReadLayerAsync(store, reference, layer.Digest, cancellationToken))).ConfigureAwait(false);
        return ImageFileSystem.Stack(listings);
    }

    private async Task<LayerListing> ReadLayerAsync(LayerListingStore store, ImageReference reference, string digest, CancellationToken cancellationToken)
    {
        if (store.TryLoad(digest) is { } recorded)
        {
            return recorded;
        }

        LayerListing listing;
        if (cache.HasBlob(digest))
        {
            using var blob = File.OpenRead(cache.BlobPath(digest));
            listing = LayerListingReader.Read(blob, SbomInputGatherer.IsInventoryFile, IsFrameworkPath);
        }
        else
        {
            listing = await RemoteLayerListingReader.ReadAsync(registries.Get(reference.Registry), reference.Repository, digest,
                SbomInputGatherer.IsInventoryFile, IsFrameworkPath, cancellationToken).ConfigureAwait(false);
        }

        store.Save(digest, listing);
        return listing;
    }
}
