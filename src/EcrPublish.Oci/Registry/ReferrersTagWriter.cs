using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Keeps the referrers tag (<c>sha256-&lt;hex&gt;</c>) of a subject up to date on a registry without the referrers API,
/// as the distribution spec asks of clients: the index there read, existing entries kept, new ones added, written back, checked.
/// </summary>
internal sealed class ReferrersTagWriter(RegistryClient client)
{
    private const int TagUpdateAttempts = 3;

    /// <summary>
    /// Read-modify-write of the referrers tag. Another client may write it between our read and write (the spec leaves
    /// that race to clients), so the tag is read back and the merge repeated while our entries are missing from it.
    /// </summary>
    public async Task AddAsync(string repository, string subjectDigest, IReadOnlyList<Descriptor> existing, IReadOnlyList<Descriptor> added, CancellationToken cancellationToken)
    {
        var reader = new ReferrersReader(client);
        var tag = ReferrersTag.For(subjectDigest);
        var current = existing;
        for (var attempt = 1; attempt <= TagUpdateAttempts; attempt++)
        {
            var known = current.Select(entry => entry.Digest).ToHashSet(StringComparer.Ordinal);
            var index = new ImageIndex(MediaTypes.OciIndex, [.. current, .. added.Where(entry => !known.Contains(entry.Digest))]);
            try
            {
                await client.PutManifestAsync(repository, tag, MediaTypes.OciIndex, index.ToJsonBytes(), cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryException exception) when (exception.Code == RegistryErrorCodes.TagImmutable)
            {
                throw new RegistryException(ReferrerErrorCodes.ReferrersTagRefused,
                    $"{client.Registry} has no referrers API, so the referrers of {subjectDigest} are listed in the tag '{tag}' of '{repository}', but the registry refused to update that tag ({exception.RegistryErrorCode}: tags are immutable). The artifacts were pushed by digest but nobody can find them: make the repository's tags mutable, or use a registry with the referrers API (ECR has it).",
                    exception.StatusCode, exception.RegistryErrorCode, exception);
            }

            current = await reader.FromReferrersTagAsync(repository, subjectDigest, cancellationToken).ConfigureAwait(false);
            var stored = current.Select(entry => entry.Digest).ToHashSet(StringComparer.Ordinal);
            if (added.All(entry => stored.Contains(entry.Digest)))
            {
                return;
            }
        }

        throw new RegistryException(ReferrerErrorCodes.ReferrersTagContended,
            $"The referrers tag '{tag}' in {client.Registry}/{repository} was replaced by another client {TagUpdateAttempts} times while EcrPublish added its artifacts to it. Publish again when the other publish of this image has finished.");
    }
}
