using System.IO.Compression;

namespace EcrPublish.Images;

/// <summary>Turns <see cref="LayerContent"/> into a compressed blob, reusing the cache when the uncompressed tar is unchanged.</summary>
/// <param name="cache">Where blobs and the diffID → blob map are kept.</param>
/// <param name="compressionLevel">The deflate level.</param>
/// <param name="compressionThreads">
/// How many blocks of a layer are compressed at once; by default one per processor. It never changes the bytes
/// (<see cref="ParallelGzipStream"/>), only how fast they come.
/// </param>
public sealed class LayerBuilder(LayerCache cache, CompressionLevel compressionLevel = CompressionLevel.Optimal, int? compressionThreads = null)
{
    private readonly int _compressionThreads = compressionThreads ?? Environment.ProcessorCount;

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
            using (var gzip = new ParallelGzipStream(compressed, compressionLevel, _compressionThreads))
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
