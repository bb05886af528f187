using EcrPublish.LocalEcr.Scanning;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// The image rules shared by the control plane (PutImage, BatchDeleteImage) and the registry API (manifest PUT and
/// DELETE): digest = sha256 of the exact bytes, references must exist, tag mutability is honoured, removing an image's
/// last tag removes the image; a new image is scanned when the repository or registry scans on push. Callers hold the repository's lock and save afterwards.
/// </summary>
internal sealed class ImageCatalog(BlobStore blobs, ImageScanner scanner)
{
    public ManifestPutResult Put(RepositoryRecord repository, byte[] manifest, ManifestFacts facts, string? tag, DateTimeOffset now)
    {
        var digest = BlobStore.DigestOf(manifest);
        var missingBlobs = facts.BlobDigests.Where(blob => !repository.Blobs.Contains(blob) || !blobs.Exists(blob)).Distinct().ToList();
        if (missingBlobs.Count > 0)
        {
            return new ManifestPutResult(ManifestPutOutcome.MissingBlobs, digest, missingBlobs);
        }

        var missingChildren = facts.ChildDigests.Where(child => !repository.Images.ContainsKey(child)).Distinct().ToList();
        if (missingChildren.Count > 0)
        {
            return new ManifestPutResult(ManifestPutOutcome.MissingManifests, digest, missingChildren);
        }

        var existing = repository.Images.GetValueOrDefault(digest);

        // "The image can be restored as an active image by ... re-pushing the image" (ECR user guide, archiving an image).
        var restoring = existing is { Archived: true };
        if (tag is not null && repository.ImageTags.TryGetValue(tag, out var taggedDigest))
        {
            if (repository.IsTagImmutable(tag))
            {
                return new ManifestPutResult(ManifestPutOutcome.TagImmutable, digest, []);
            }

            if (existing is not null && !restoring && string.Equals(taggedDigest, digest, StringComparison.Ordinal))
            {
                return new ManifestPutResult(ManifestPutOutcome.AlreadyExists, digest, []);
            }
        }
        else if (tag is null && existing is not null && !restoring)
        {
            return new ManifestPutResult(ManifestPutOutcome.AlreadyExists, digest, []);
        }

        blobs.Put(manifest);
        if (restoring)
        {
            existing!.Archived = false;
            existing.LastActivatedAt = now;
            existing.ActivatingUntil = null;
        }

        if (existing is null)
        {
            var size = facts.IsIndex
                ? facts.ChildDigests.Select(child => repository.Images[child].SizeInBytes).DefaultIfEmpty(0).Max()
                : facts.SizeInBytes;
            var image = new ImageRecord
            {
                Digest = digest,
                ManifestMediaType = facts.MediaType,
                ArtifactMediaType = facts.ConfigMediaType,
                ArtifactType = facts.ArtifactType,
                SizeInBytes = size,
                ManifestSize = manifest.Length,
                PushedAt = now,
                SubjectDigest = facts.SubjectDigest,
                Annotations = facts.Annotations,
                BlobDigests = facts.BlobDigests.ToList(),
                ChildDigests = facts.ChildDigests.ToList(),
            };
            if (scanner.ScansOnPush(repository))
            {
                image.Scan = scanner.Scan(image, now);
            }

            repository.Images[digest] = image;
        }

        if (tag is not null)
        {
            // A moved tag leaves its old image untagged; ECR keeps such images (lifecycle rules clean them up).
            repository.ImageTags[tag] = digest;
        }

        return new ManifestPutResult(ManifestPutOutcome.Stored, digest, []);
    }

    /// <summary>The digest a tag or digest reference points at in the repository, or null.</summary>
    public static string? Resolve(RepositoryRecord repository, string reference)
    {
        if (reference.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return repository.Images.ContainsKey(reference) ? reference : null;
        }

        return repository.ImageTags.GetValueOrDefault(reference);
    }

    /// <summary>Whether an image in the repository references the blob (only such blobs can be mounted elsewhere on ECR).</summary>
    public static bool IsReferencedByImage(RepositoryRecord repository, string blobDigest) =>
        repository.Images.Values.Any(image => image.BlobDigests.Contains(blobDigest, StringComparer.Ordinal));

    /// <summary>Whether an index in the repository references the image (then it cannot be deleted by digest).</summary>
    public static bool IsReferencedByIndex(RepositoryRecord repository, string digest) =>
        repository.Images.Values.Any(image => image.ChildDigests.Contains(digest, StringComparer.Ordinal));

    /// <summary>Removes the image and all its tags, and its referrers with it (ECR deletes them within 24 hours, LocalEcr at once).</summary>
    public static void DeleteImage(RepositoryRecord repository, string digest)
    {
        foreach (var tag in repository.TagsOf(digest).ToList())
        {
            repository.ImageTags.Remove(tag);
        }

        repository.Images.Remove(digest);
        DeleteReferrersOf(repository, digest);
    }

    /// <summary>Deletes what refers to a deleted image, and what refers to those (a signature of an SBOM).</summary>
    private static void DeleteReferrersOf(RepositoryRecord repository, string subjectDigest)
    {
        foreach (var referrer in ReferrerQuery.Of(repository, subjectDigest).Select(found => found.Image.Digest).ToList())
        {
            DeleteImage(repository, referrer);
        }
    }

    /// <summary>Removes a tag; an image left without tags is deleted unless an index still needs it.</summary>
    public static void Untag(RepositoryRecord repository, string tag)
    {
        if (!repository.ImageTags.Remove(tag, out var digest))
        {
            return;
        }

        if (!repository.TagsOf(digest).Any() && !IsReferencedByIndex(repository, digest))
        {
            repository.Images.Remove(digest);
            DeleteReferrersOf(repository, digest);
        }
    }
}
