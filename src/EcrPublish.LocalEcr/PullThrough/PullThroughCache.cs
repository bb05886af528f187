using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Templates;

namespace EcrPublish.LocalEcr.PullThrough;

/// <summary>
/// Fills pull-through cache repositories: a manifest GET/HEAD for <c>&lt;prefix&gt;/&lt;upstream path&gt;</c> that the
/// cache does not hold yet fetches the manifest (an index with all its children) and every blob from the rule's upstream
/// registry, verifies their digests, creates the repository on first pull (default settings) and stores the image under
/// the pulled tag. Afterwards the cache answers on its own; the upstream is not asked again for a reference it holds.
/// </summary>
internal sealed class PullThroughCache(RepositoryStore repositories, BlobStore blobs, ImageCatalog catalog, RegistrySettingsStore settings, RepositoryCreator creator, TimeProvider clock)
{
    /// <summary>Makes sure the cache holds <paramref name="reference"/> when a rule covers <paramref name="name"/>; returns why it could not, or null.</summary>
    public async Task<string?> FillAsync(string name, string reference, CancellationToken cancellationToken)
    {
        var match = settings.Current.PullThroughCacheRules
            .Select(rule => (Rule: rule, Upstream: rule.UpstreamRepositoryFor(name)))
            .Where(candidate => candidate.Upstream is not null)
            .OrderBy(candidate => candidate.Rule.EcrRepositoryPrefix == "ROOT" ? 1 : 0)
            .ThenByDescending(candidate => candidate.Rule.EcrRepositoryPrefix.Length)
            .FirstOrDefault();
        if (match.Rule is null)
        {
            return null;
        }

        using var handle = await repositories.LockAsync(name, cancellationToken);
        if (handle.Record is { } cached && ImageCatalog.Resolve(cached, reference) is not null)
        {
            return null;
        }

        var upstream = match.Rule.UpstreamRegistryUrl;
        if (!UpstreamRegistryRule.IsLoopback(upstream))
        {
            return $"LocalEcr only pulls through from loopback registries; '{upstream}' is not one.";
        }

        try
        {
            return await FetchAsync(handle, upstream, match.Upstream!, reference, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            return $"The image could not be pulled from the upstream registry '{upstream}': {error.Message}";
        }
        catch (ManifestInvalidException error)
        {
            return $"The upstream registry '{upstream}' returned a manifest LocalEcr cannot store: {error.Message}";
        }
    }

    private async Task<string?> FetchAsync(RepositoryHandle handle, string upstream, string upstreamRepository, string reference, CancellationToken cancellationToken)
    {
        var top = await UpstreamRegistryClient.GetManifestAsync(upstream, upstreamRepository, reference, cancellationToken);
        if (top is null)
        {
            return null; // Not upstream either: the handler answers MANIFEST_UNKNOWN / NAME_UNKNOWN as usual.
        }

        var topFacts = ManifestReader.Read(top.Value.Content, top.Value.MediaType);
        var manifests = new List<(byte[] Content, ManifestFacts Facts)>();
        foreach (var child in topFacts.ChildDigests)
        {
            var fetched = await UpstreamRegistryClient.GetManifestAsync(upstream, upstreamRepository, child, cancellationToken)
                ?? throw new HttpRequestException($"The index names {child}, which the upstream registry does not have");
            if (BlobStore.DigestOf(fetched.Content) != child)
            {
                throw new HttpRequestException($"The manifest served for {child} does not match its digest");
            }

            manifests.Add((fetched.Content, ManifestReader.Read(fetched.Content, fetched.MediaType)));
        }

        manifests.Add((top.Value.Content, topFacts));
        var isDigest = reference.StartsWith("sha256:", StringComparison.Ordinal);
        if (isDigest && BlobStore.DigestOf(top.Value.Content) != reference)
        {
            throw new HttpRequestException($"The manifest served for {reference} does not match its digest");
        }

        foreach (var blob in manifests.SelectMany(manifest => manifest.Facts.BlobDigests).Distinct(StringComparer.Ordinal))
        {
            if (blobs.Exists(blob))
            {
                continue;
            }

            using var response = await UpstreamRegistryClient.GetBlobAsync(upstream, upstreamRepository, blob, cancellationToken);
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            if (!await blobs.TryPutStreamAsync(content, blob, cancellationToken))
            {
                throw new HttpRequestException($"The blob served for {blob} does not match its digest");
            }
        }

        var now = clock.GetUtcNow();
        if (handle.Record is null)
        {
            creator.Create(handle, RepositoryCreationScenario.PullThroughCache, now);
        }

        var record = handle.Record!;
        foreach (var blob in manifests.SelectMany(manifest => manifest.Facts.BlobDigests))
        {
            record.Blobs.Add(blob);
        }

        foreach (var (content, facts) in manifests)
        {
            var isTop = ReferenceEquals(content, top.Value.Content);
            catalog.Put(record, content, facts, isTop && !isDigest ? reference : null, now);
        }

        handle.Save();
        return null;
    }
}
