using System.IO.Compression;

namespace EcrPublish.Images;

/// <summary>Turns <see cref="LayerContent"/> into a compressed blob, reusing the cache when the uncompressed tar is unchanged.</summary>
public sealed class LayerBuilder(LayerCache cache, CompressionLevel compressionLevel = CompressionLevel.Optimal)
{
    /// <summary>Builds the layer; a layer <paramref name="published"/> already holds (same diffID) is reused without compressing.</summary>
    /// <remarks>Cancellation is checked at every buffer written, so a large layer stops within moments and leaves nothing in the cache.</remarks>
    public BuiltLayer Build(LayerContent content, DateTimeOffset timestamp, PublishedLayers? published = null, CancellationToken cancellationToken = default)
    {
        string diffId;
        using (var hashOnly = new HashingStream(null))
        {
            TarLayerWriter.Write(new CancellationCheckingStream(hashOnly, cancellationToken), content.Files, timestamp);
            diffId = hashOnly.Digest();
        }

        if (published?.Origin is { } origin && published.ByDiffId.TryGetValue(diffId, out var remote) &&
            remote.MediaType is MediaTypes.OciLayerGzip or MediaTypes.DockerLayerGzip)
        {
            return new BuiltLayer(content.Name, diffId, remote.Digest, remote.Size, null) { Origin = origin };
        }

        if (cache.TryGetLayer(diffId, out var cachedDigest, out var cachedSize))
        {
            return new BuiltLayer(content.Name, diffId, cachedDigest, cachedSize, cache.BlobPath(cachedDigest));
        }

        var temporary = cache.NewTemporaryPath();
        string digest;
        long size;
        string writtenDiffId;
        try
        {
            using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            using var compressed = new HashingStream(file);
            using (var gzip = new DeterministicGzipStream(compressed, compressionLevel))
            using (var uncompressed = new HashingStream(gzip))
            {
                TarLayerWriter.Write(new CancellationCheckingStream(uncompressed, cancellationToken), content.Files, timestamp);
                writtenDiffId = uncompressed.Digest();
            }

            digest = compressed.Digest();
            size = compressed.BytesWritten;
        }
        catch (OperationCanceledException)
        {
            File.Delete(temporary);
            throw;
        }

        // A file changed between the two passes: the written tar is what counts.
        diffId = writtenDiffId;
        var blobPath = cache.CommitBlob(temporary, digest);
        cache.RememberLayer(diffId, digest, size);
        return new BuiltLayer(content.Name, diffId, digest, size, blobPath);
    }
}
