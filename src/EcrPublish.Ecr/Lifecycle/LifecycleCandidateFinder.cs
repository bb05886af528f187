namespace EcrPublish.Lifecycle;

/// <summary>
/// Which of the images a rule sees it would act on if nothing stopped it (its count criterion), computed over all
/// the images it sees, including those a higher-priority rule owns.
/// </summary>
internal static class LifecycleCandidateFinder
{
    // TimeSpan cannot hold more days than this; a larger countNumber never matches anything.
    private static readonly int MaximumDays = TimeSpan.MaxValue.Days;

    public static IEnumerable<int> Find(LifecycleSelection selection, IReadOnlyList<LifecycleImage> images, IEnumerable<int> seen, DateTimeOffset now) =>
        selection.CountType switch
        {
            LifecycleCountType.ImageCountMoreThan => OlderThanTheYoungest(selection.CountNumber, images, seen),
            LifecycleCountType.SinceImagePushed => seen.Where(index => IsOlderThan(images[index].EffectivePushTime, now, selection.CountNumber)),
            LifecycleCountType.SinceImagePulled => seen.Where(index => IsOlderThan(images[index].PullReferenceTime, now, selection.CountNumber)),
            _ => seen.Where(index => images[index].LastArchivedAt is { } archived && IsOlderThan(archived, now, selection.CountNumber)),
        };

    // Youngest first by push time; images pushed at the same instant are ordered by digest so results are stable.
    private static IEnumerable<int> OlderThanTheYoungest(int keep, IReadOnlyList<LifecycleImage> images, IEnumerable<int> seen) =>
        seen.OrderByDescending(index => images[index].EffectivePushTime)
            .ThenBy(index => images[index].Digest, StringComparer.Ordinal)
            .Skip(Math.Max(keep, 0));

    // Strictly older than N whole days: an image pushed exactly N days ago is kept (see the "All images" example B).
    private static bool IsOlderThan(DateTimeOffset time, DateTimeOffset now, int days) =>
        days <= MaximumDays && now - time > TimeSpan.FromDays(Math.Max(days, 0));
}
