namespace EcrPublish.Lifecycle;

/// <summary>Totals of a preview, shaped like ECR's <c>GetLifecyclePolicyPreview</c> <c>summary</c>.</summary>
/// <param name="ExpiringImageTotalCount">How many images would be deleted.</param>
/// <param name="TransitioningImageTotalCounts">How many images would move, per target storage class (empty when none).</param>
public sealed record LifecyclePreviewSummary(int ExpiringImageTotalCount, IReadOnlyList<LifecycleTransitionCount> TransitioningImageTotalCounts);
