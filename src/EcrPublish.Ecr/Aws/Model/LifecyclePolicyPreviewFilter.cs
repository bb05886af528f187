// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The filter for the lifecycle policy preview.</summary>
public sealed class LifecyclePolicyPreviewFilter
{
    /// <summary>The tag status of the image. One of: TAGGED, UNTAGGED, ANY.</summary>
    [JsonPropertyName("tagStatus")]
    public string? TagStatus { get; set; }
}
