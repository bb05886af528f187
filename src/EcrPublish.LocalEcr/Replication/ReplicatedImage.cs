using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Replication;

/// <summary>What replicating one image copies: its blobs, and its manifests with an index's children before the index.</summary>
internal sealed record ReplicatedImage(IReadOnlyList<string> BlobDigests, IReadOnlyList<ReplicatedManifest> Manifests)
{
    /// <summary>Reads the image and (for an index) its children out of the source repository; the caller holds its lock.</summary>
    public static ReplicatedImage From(RepositoryRecord repository, ImageRecord image, BlobStore blobs)
    {
        var children = image.ChildDigests.Select(child => repository.Images[child]).ToList();
        var manifests = children.Append(image)
            .Select(record =>
            {
                var content = blobs.ReadAllBytes(record.Digest);
                return new ReplicatedManifest(content, ManifestReader.Read(content, record.ManifestMediaType));
            })
            .ToList();
        var blobDigests = children.Append(image).SelectMany(record => record.BlobDigests).Distinct(StringComparer.Ordinal).ToList();
        return new ReplicatedImage(blobDigests, manifests);
    }
}
