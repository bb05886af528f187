namespace EcrPublish.Lifecycle;

/// <summary>
/// A rule's tagging requirement: whether the rule "sees" an image. Seeing decides ownership (the highest-priority rule
/// that sees an image is the only one that may act on it) and what <c>imageCountMoreThan</c> counts.
/// </summary>
internal static class LifecycleRuleSelector
{
    public static bool Sees(LifecycleSelection selection, LifecycleImage image) => selection.TagStatus switch
    {
        LifecycleTagStatus.Untagged => image.Tags.Count == 0,
        LifecycleTagStatus.Tagged => image.Tags.Count > 0 && MatchesEveryEntry(selection, image.Tags),
        _ => true,
    };

    // "All of the tags in the tagPatternList or tagPrefixList value are matched against any of the image's tags":
    // every entry needs some matching tag; one tag may satisfy several entries and extra tags do not matter.
    private static bool MatchesEveryEntry(LifecycleSelection selection, IReadOnlyList<string> tags)
    {
        if (selection.TagPrefixList is { Count: > 0 } prefixes)
        {
            return prefixes.All(prefix => tags.Any(tag => tag.StartsWith(prefix, StringComparison.Ordinal)));
        }

        if (selection.TagPatternList is { Count: > 0 } patterns)
        {
            return patterns.All(pattern => tags.Any(tag => TagPatternMatcher.Matches(pattern, tag)));
        }

        return false;
    }
}
