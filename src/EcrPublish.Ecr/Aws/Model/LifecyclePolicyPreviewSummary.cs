// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The summary of the lifecycle policy preview request.</summary>
public sealed class LifecyclePolicyPreviewSummary
{
    /// <summary>The number of expiring images. Length/size 0..unbounded.</summary>
    [JsonPropertyName("expiringImageTotalCount")]
    public int? ExpiringImageTotalCount { get; set; }

    /// <summary>The total count of images that will be transitioned to each storage class.</summary>
    [JsonPropertyName("transitioningImageTotalCounts")]
    public IReadOnlyList<TransitioningImageTotalCount>? TransitioningImageTotalCounts { get; set; }
}
