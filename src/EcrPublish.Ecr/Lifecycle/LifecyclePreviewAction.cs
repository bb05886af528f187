namespace EcrPublish.Lifecycle;

/// <summary>What the preview says will happen to an image (<c>previewResults[].action</c>).</summary>
/// <param name="Type">Expire or transition (wire values <c>EXPIRE</c> / <c>TRANSITION</c>).</param>
/// <param name="TargetStorageClass">For a transition, where the image goes (wire value <c>ARCHIVE</c>).</param>
public sealed record LifecyclePreviewAction(LifecycleActionType Type, LifecycleStorageClass? TargetStorageClass);
