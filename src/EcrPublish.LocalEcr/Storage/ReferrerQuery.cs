namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// The referrers of a manifest, shared by the registry's referrers API and ListImageReferrers: the images of the
/// repository whose <c>subject</c> is the digest, in push order, each with its artifact type as the OCI distribution
/// spec defines it (the manifest's <c>artifactType</c>, else its config media type; none for an index without one).
/// </summary>
internal static class ReferrerQuery
{
    public static IEnumerable<(ImageRecord Image, string? ArtifactType)> Of(RepositoryRecord repository, string subjectDigest) =>
        repository.Images.Values
            .Where(image => string.Equals(image.SubjectDigest, subjectDigest, StringComparison.Ordinal))
            .OrderBy(image => image.PushedAt)
            .ThenBy(image => image.Digest, StringComparer.Ordinal)
            .Select(image => (image, string.IsNullOrEmpty(image.ArtifactType) ? image.ArtifactMediaType : image.ArtifactType));
}
