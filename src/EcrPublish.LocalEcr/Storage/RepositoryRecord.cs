using EcrPublish.EcrRules;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// Everything LocalEcr knows about one repository: its settings, its images, its tags and the blobs that were pushed
/// into (or mounted into) it. Persisted as one JSON file; only touched while the repository's lock is held.
/// </summary>
internal sealed class RepositoryRecord
{
    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string ImageTagMutability { get; set; } = EcrTagMutability.Mutable;

    public List<TagMutabilityExclusionFilter> ImageTagMutabilityExclusionFilters { get; set; } = [];

    public bool ScanOnPush { get; set; }

    public string EncryptionType { get; init; } = EcrEncryptionType.Aes256;

    public string? KmsKey { get; init; }

    public List<ResourceTag> Tags { get; set; } = [];

    /// <summary>The repository policy exactly as SetRepositoryPolicy received it; null when none is set.</summary>
    public string? PolicyText { get; set; }

    /// <summary>The lifecycle policy exactly as PutLifecyclePolicy received it; null when none is set.</summary>
    public string? LifecyclePolicyText { get; set; }

    /// <summary>When the lifecycle policy was last run against the images (admin endpoint or interval).</summary>
    public DateTimeOffset? LifecycleLastEvaluatedAt { get; set; }

    /// <summary>The last lifecycle policy preview (dry run); null when none was started.</summary>
    public LifecyclePreviewRecord? LifecyclePreview { get; set; }

    /// <summary>Images by digest.</summary>
    public Dictionary<string, ImageRecord> Images { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Tag → image digest (the order is not relied upon: a reloaded record has the default comparer).</summary>
    public SortedDictionary<string, string> ImageTags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Digests of blobs (layers, configs) available in this repository.</summary>
    public HashSet<string> Blobs { get; init; } = new(StringComparer.Ordinal);

    public IEnumerable<string> TagsOf(string digest) =>
        ImageTags.Where(pair => string.Equals(pair.Value, digest, StringComparison.Ordinal)).Select(pair => pair.Key);

    /// <summary>Whether an existing tag may be moved or re-put, honouring the exclusion filters.</summary>
    public bool IsTagImmutable(string tag)
    {
        var excluded = ImageTagMutabilityExclusionFilters.Any(filter => filter.Matches(tag));
        return ImageTagMutability switch
        {
            EcrTagMutability.Immutable => true,
            EcrTagMutability.ImmutableWithExclusion => !excluded,
            EcrTagMutability.MutableWithExclusion => excluded,
            _ => false,
        };
    }
}
