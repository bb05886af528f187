namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Deletes blobs that no image references: layers and configs of deleted images, and uploads whose manifest never
/// came. Only blobs written more than an upload lifetime ago are candidates, so the layers of a push in progress (its
/// manifest comes last) are never taken; a blob pushed again is written again and so young again. Runs when a registry
/// opens (server start) and after every lifecycle run.
/// </summary>
internal sealed class BlobCollector(RepositoryStore repositories, BlobStore blobs, TimeSpan uploadLifetime, TimeProvider clock)
{
    /// <summary>Collects and returns the digests of the blobs it deleted.</summary>
    public async Task<IReadOnlyList<string>> CollectAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - uploadLifetime;
        var candidates = blobs.List().Where(blob => blob.WrittenAt < cutoff).Select(blob => blob.Digest).ToHashSet(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return [];
        }

        // First every image in every repository spares its blobs; only then do repositories forget the loose ones.
        foreach (var name in repositories.Names())
        {
            using var handle = await repositories.LockAsync(name, cancellationToken);
            foreach (var image in handle.Record?.Images.Values ?? Enumerable.Empty<ImageRecord>())
            {
                candidates.Remove(image.Digest);
                candidates.ExceptWith(image.BlobDigests);
            }
        }

        foreach (var name in repositories.Names())
        {
            using var handle = await repositories.LockAsync(name, cancellationToken);
            if (handle.Record is not { } record)
            {
                continue;
            }

            // An image pushed since the first pass spares its blobs too.
            foreach (var image in record.Images.Values)
            {
                candidates.Remove(image.Digest);
                candidates.ExceptWith(image.BlobDigests);
            }

            if (record.Blobs.RemoveWhere(candidates.Contains) > 0)
            {
                handle.Save();
            }
        }

        return candidates.Where(digest => blobs.DeleteIfOlderThan(digest, cutoff)).Order(StringComparer.Ordinal).ToList();
    }
}
