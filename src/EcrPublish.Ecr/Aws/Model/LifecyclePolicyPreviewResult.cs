// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The result of the lifecycle policy preview.</summary>
public sealed class LifecyclePolicyPreviewResult
{
    /// <summary>The list of tags associated with this image.</summary>
    [JsonPropertyName("imageTags")]
    public IReadOnlyList<string>? ImageTags { get; set; }

    /// <summary>The sha256 digest of the image manifest.</summary>
    [JsonPropertyName("imageDigest")]
    public string? ImageDigest { get; set; }

    /// <summary>The date and time, expressed in standard JavaScript date format, at which the current image was pushed to the repository.</summary>
    [JsonPropertyName("imagePushedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? ImagePushedAt { get; set; }

    /// <summary>The type of action to be taken.</summary>
    [JsonPropertyName("action")]
    public LifecyclePolicyRuleAction? Action { get; set; }

    /// <summary>The priority of the applied rule. Length/size 1..unbounded.</summary>
    [JsonPropertyName("appliedRulePriority")]
    public int? AppliedRulePriority { get; set; }

    /// <summary>The storage class of the image. One of: ARCHIVE, STANDARD.</summary>
    [JsonPropertyName("storageClass")]
    public string? StorageClass { get; set; }
}
