namespace EcrPublish.Lifecycle;

/// <summary>What the lifecycle evaluator needs to know about one image of a repository (as DescribeImages reports it).</summary>
public sealed record LifecycleImage
{
    /// <summary>The manifest digest, e.g. <c>sha256:…</c>.</summary>
    public required string Digest { get; init; }

    /// <summary>The image's tags; empty for an untagged image.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When the image was pushed (<c>imagePushedAt</c>).</summary>
    public required DateTimeOffset PushedAt { get; init; }

    /// <summary>When the image was last pulled (<c>lastRecordedPullTime</c>); <see langword="null"/> if never.</summary>
    public DateTimeOffset? LastRecordedPullTime { get; init; }

    /// <summary>When the image was last restored from archive (<c>lastActivatedAt</c>); <see langword="null"/> if never archived and restored.</summary>
    public DateTimeOffset? LastActivatedAt { get; init; }

    /// <summary>When the image was last archived (<c>lastArchivedAt</c>); needed by <c>sinceImageTransitioned</c> rules.</summary>
    public DateTimeOffset? LastArchivedAt { get; init; }

    /// <summary>The image's current storage class.</summary>
    public LifecycleStorageClass StorageClass { get; init; } = LifecycleStorageClass.Standard;

    /// <summary>Whether a manifest list (image index) refers to this image; ECR never expires or archives such an image.</summary>
    public bool ReferencedByManifestList { get; init; }

    /// <summary>
    /// The time ECR orders and ages the image by: <see cref="LastActivatedAt"/> for an image restored from archive,
    /// otherwise <see cref="PushedAt"/>.
    /// </summary>
    public DateTimeOffset EffectivePushTime => LastActivatedAt ?? PushedAt;

    /// <summary>
    /// The time a <c>sinceImagePulled</c> rule ages the image by: the last pull, but the restore time if the image
    /// was restored and not pulled since, and the push time if it was never pulled.
    /// </summary>
    public DateTimeOffset PullReferenceTime =>
        LastActivatedAt is { } activated && (LastRecordedPullTime is null || LastRecordedPullTime < activated)
            ? activated
            : LastRecordedPullTime ?? PushedAt;
}
