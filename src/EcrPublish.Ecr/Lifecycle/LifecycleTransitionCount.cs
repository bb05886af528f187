namespace EcrPublish.Lifecycle;

/// <summary>How many images move to a storage class (<c>summary.transitioningImageTotalCounts[]</c>).</summary>
/// <param name="TargetStorageClass">The storage class the images move to.</param>
/// <param name="ImageTotalCount">How many images move there.</param>
public sealed record LifecycleTransitionCount(LifecycleStorageClass TargetStorageClass, int ImageTotalCount);
