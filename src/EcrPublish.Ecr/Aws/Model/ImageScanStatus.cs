// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The current status of an image scan.</summary>
public sealed class ImageScanStatus
{
    /// <summary>The current state of an image scan. One of: IN_PROGRESS, COMPLETE, FAILED, UNSUPPORTED_IMAGE, ACTIVE, PENDING, SCAN_ELIGIBILITY_EXPIRED, FINDINGS_UNAVAILABLE, LIMIT_EXCEEDED, IMAGE_ARCHIVED.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The description of the image scan status.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
