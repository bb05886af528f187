using EcrPublish.Lifecycle;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>The images of a repository as the lifecycle evaluator sees them (push order, tags, pulls, index references).</summary>
internal static class LifecycleImages
{
    public static List<LifecycleImage> Of(RepositoryRecord repository) => repository.Images.Values
        .OrderBy(image => image.PushedAt)
        .ThenBy(image => image.Digest, StringComparer.Ordinal)
        .Select(image => new LifecycleImage
        {
            Digest = image.Digest,
            Tags = repository.TagsOf(image.Digest).ToList(),
            PushedAt = image.PushedAt,
            LastRecordedPullTime = image.LastPulledAt,
            ReferencedByManifestList = ImageCatalog.IsReferencedByIndex(repository, image.Digest),
        })
        .ToList();
}
