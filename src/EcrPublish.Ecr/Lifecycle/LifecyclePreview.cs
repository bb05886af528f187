namespace EcrPublish.Lifecycle;

/// <summary>The outcome of evaluating a lifecycle policy: every image acted on, and the totals.</summary>
/// <param name="Results">One entry per image that is expired or transitioned, in the order the images were given.</param>
/// <param name="Summary">The totals.</param>
public sealed record LifecyclePreview(IReadOnlyList<LifecyclePreviewResult> Results, LifecyclePreviewSummary Summary);
