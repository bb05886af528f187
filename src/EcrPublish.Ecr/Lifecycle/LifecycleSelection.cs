using System.Text.Json.Serialization;

namespace EcrPublish.Lifecycle;

/// <summary>The <c>selection</c> of a lifecycle rule: which images it looks at and how it picks the ones to act on.</summary>
public sealed class LifecycleSelection
{
    /// <summary>Whether the rule looks at tagged, untagged or all images.</summary>
    [JsonPropertyName("tagStatus")]
    public required LifecycleTagStatus TagStatus { get; init; }

    /// <summary>Tag prefixes; an image is selected when every prefix starts at least one of its tags.</summary>
    [JsonPropertyName("tagPrefixList")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? TagPrefixList { get; init; }

    /// <summary>Tag patterns with <c>*</c> wildcards; an image is selected when every pattern matches at least one of its tags.</summary>
    [JsonPropertyName("tagPatternList")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? TagPatternList { get; init; }

    /// <summary>The storage class the rule selects from; <see langword="null"/> means <c>standard</c>.</summary>
    [JsonPropertyName("storageClass")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LifecycleStorageClass? StorageClass { get; init; }

    /// <summary>How the rule picks the images it acts on.</summary>
    [JsonPropertyName("countType")]
    public required LifecycleCountType CountType { get; init; }

    /// <summary>Unit of <see cref="CountNumber"/> for the time-based count types.</summary>
    [JsonPropertyName("countUnit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LifecycleCountUnit? CountUnit { get; init; }

    /// <summary>Images to keep (<c>imageCountMoreThan</c>) or age limit in days (the <c>since*</c> types).</summary>
    [JsonPropertyName("countNumber")]
    public required int CountNumber { get; init; }

    /// <summary>The storage class this rule applies to, with ECR's default (<c>standard</c>) filled in.</summary>
    [JsonIgnore]
    public LifecycleStorageClass EffectiveStorageClass => StorageClass ?? LifecycleStorageClass.Standard;
}
