namespace EcrPublish.Cli.Verbs;

/// <summary>
/// Decides which of the selected untagged images <c>images cleanup</c> may delete. An image stays when something that
/// stays needs it: an index that stays keeps every image it lists, an image that stays keeps its referrers
/// (signatures, SBOMs), and a referrer whose subject is gone stays unless orphans are to be deleted too. Images
/// outside the selection (tagged, or too young) always stay, and so do their dependants.
/// </summary>
internal static class CleanupPlanner
{
    /// <param name="images">Every image of the repository.</param>
    /// <param name="selected">The digests of the untagged images chosen for deletion (by age).</param>
    /// <param name="links">What each manifest read says about others; a selected image missing here had an unreadable manifest.</param>
    /// <param name="includeOrphanReferrers">Delete referrers whose subject is gone (or deleted now) too.</param>
    public static CleanupPlan Plan(IReadOnlyList<RepositoryImage> images, IReadOnlySet<string> selected, IReadOnlyDictionary<string, ManifestLinks> links, bool includeOrphanReferrers)
    {
        var byDigest = images.ToDictionary(image => image.Digest, StringComparer.Ordinal);
        var alive = images.Select(image => image.Digest).Where(digest => !selected.Contains(digest)).ToHashSet(StringComparer.Ordinal);
        var kept = new Dictionary<string, KeptImage>(StringComparer.Ordinal);
        void Keep(string digest, KeepReason reason, string? because)
        {
            alive.Add(digest);
            kept[digest] = new KeptImage(byDigest[digest], reason, because);
        }

        foreach (var digest in selected.Where(digest => byDigest.ContainsKey(digest) && !links.ContainsKey(digest)))
        {
            Keep(digest, KeepReason.ManifestUnreadable, null);
        }

        ManifestLinks LinksOf(string digest) => links.GetValueOrDefault(digest) ?? ManifestLinks.None;
        List<string> Doomed() => [.. images.Select(image => image.Digest).Where(digest => !alive.Contains(digest))];
        bool changed;
        do
        {
            changed = false;
            foreach (var index in alive.ToList())
            {
                foreach (var child in LinksOf(index).Children.Where(child => byDigest.ContainsKey(child) && !alive.Contains(child)))
                {
                    Keep(child, KeepReason.ReferencedByKeptIndex, index);
                    changed = true;
                }
            }

            foreach (var digest in Doomed())
            {
                if (LinksOf(digest).Subject is { } subject && alive.Contains(subject))
                {
                    Keep(digest, KeepReason.ReferrerOfKeptImage, subject);
                    changed = true;
                }
            }

            // Orphans only once nothing else keeps anything: a referrer whose subject is kept later is not an orphan. A
            // referrer of an orphan (the signature of an orphaned SBOM) is then kept as the referrer of a kept image.
            if (!changed && !includeOrphanReferrers)
            {
                var doomedReferrers = Doomed().Where(digest => LinksOf(digest).Subject is not null).ToHashSet(StringComparer.Ordinal);
                foreach (var digest in doomedReferrers)
                {
                    if (LinksOf(digest).Subject is { } subject && !doomedReferrers.Contains(subject))
                    {
                        Keep(digest, KeepReason.OrphanReferrer, subject);
                        changed = true;
                    }
                }
            }
        }
        while (changed);

        var deleted = images.Where(image => !alive.Contains(image.Digest)).ToList();
        return new CleanupPlan(DeletionWaves(deleted, LinksOf), [.. images.Where(image => kept.ContainsKey(image.Digest)).Select(image => kept[image.Digest])]);
    }

    // ECR refuses to delete an image that an index still lists, so an index goes in a wave before the images it lists.
    private static List<IReadOnlyList<RepositoryImage>> DeletionWaves(List<RepositoryImage> doomed, Func<string, ManifestLinks> linksOf)
    {
        var waves = new List<IReadOnlyList<RepositoryImage>>();
        var remaining = doomed;
        while (remaining.Count > 0)
        {
            var listed = remaining.SelectMany(image => linksOf(image.Digest).Children).ToHashSet(StringComparer.Ordinal);
            var wave = remaining.Where(image => !listed.Contains(image.Digest)).ToList();
            if (wave.Count == 0)
            {
                wave = remaining;
            }

            waves.Add(wave);
            remaining = [.. remaining.Except(wave)];
        }

        return waves;
    }
}
