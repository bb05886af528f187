using EcrPublish.Lifecycle;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// The last StartLifecyclePolicyPreview of a repository: the policy it ran with and its outcome. The evaluation is done
/// when the preview starts; <see cref="CompletesAt"/> only decides when GetLifecyclePolicyPreview reports it COMPLETE.
/// </summary>
internal sealed class LifecyclePreviewRecord
{
    public required string PolicyText { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset CompletesAt { get; init; }

    public List<LifecyclePreviewResult> Results { get; init; } = [];

    public required LifecyclePreviewSummary Summary { get; init; }

    public bool IsComplete(DateTimeOffset now) => now >= CompletesAt;
}
