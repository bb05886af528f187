namespace EcrPublish.Lifecycle;

/// <summary>One image a lifecycle policy acts on, shaped like ECR's <c>GetLifecyclePolicyPreview</c> <c>previewResults[]</c>.</summary>
/// <param name="ImageDigest">The image's manifest digest.</param>
/// <param name="ImageTags">The image's tags.</param>
/// <param name="ImagePushedAt">When the image was pushed.</param>
/// <param name="Action">What happens to the image.</param>
/// <param name="AppliedRulePriority">The <c>rulePriority</c> of the one rule that acts on the image.</param>
/// <param name="StorageClass">The image's storage class before the action.</param>
public sealed record LifecyclePreviewResult(
    string ImageDigest,
    IReadOnlyList<string> ImageTags,
    DateTimeOffset ImagePushedAt,
    LifecyclePreviewAction Action,
    int AppliedRulePriority,
    LifecycleStorageClass StorageClass);
