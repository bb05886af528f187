using System.Text.RegularExpressions;
using EcrPublish.Lifecycle;

namespace EcrPublish.Core.Tests.Lifecycle;

/// <summary>
/// An independent, deliberately naive restatement of ECR's documented rules (regular expressions instead of the
/// product's matcher), used to check the evaluator in the property tests.
/// </summary>
internal static class SelectionOracle
{
    public static bool Sees(LifecycleRule rule, LifecycleImage image)
    {
        var selection = rule.Selection;
        if ((selection.StorageClass ?? LifecycleStorageClass.Standard) != image.StorageClass)
        {
            return false;
        }

        return selection.TagStatus switch
        {
            LifecycleTagStatus.Any => true,
            LifecycleTagStatus.Untagged => image.Tags.Count == 0,
            _ => image.Tags.Count > 0 && Entries(selection).All(regex => image.Tags.Any(regex.IsMatch)),
        };
    }

    public static bool IsOlderThanLimit(LifecycleRule rule, LifecycleImage image, DateTimeOffset now)
    {
        var limit = TimeSpan.FromDays(rule.Selection.CountNumber);
        return rule.Selection.CountType switch
        {
            LifecycleCountType.SinceImagePushed => now - (image.LastActivatedAt ?? image.PushedAt) > limit,
            LifecycleCountType.SinceImagePulled => now - PullTime(image) > limit,
            LifecycleCountType.SinceImageTransitioned => image.LastArchivedAt is { } archived && now - archived > limit,
            _ => true,
        };
    }

    private static DateTimeOffset PullTime(LifecycleImage image)
    {
        if (image.LastActivatedAt is { } restored && !(image.LastRecordedPullTime >= restored))
        {
            return restored;
        }

        return image.LastRecordedPullTime ?? image.PushedAt;
    }

    private static IEnumerable<Regex> Entries(LifecycleSelection selection) =>
        selection.TagPrefixList is { Count: > 0 } prefixes
            ? prefixes.Select(prefix => new Regex("^" + Regex.Escape(prefix), RegexOptions.Singleline | RegexOptions.CultureInvariant))
            : (selection.TagPatternList ?? []).Select(pattern =>
                new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant));
}
