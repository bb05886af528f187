// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The signing status for an image.</summary>
public sealed class ImageSigningStatus
{
    /// <summary>The ARN of the Amazon Web Services Signer signing profile used to sign the image. Length/size 0..200.</summary>
    [JsonPropertyName("signingProfileArn")]
    public string? SigningProfileArn { get; set; }

    /// <summary>The failure code, which is only present if status is FAILED .</summary>
    [JsonPropertyName("failureCode")]
    public string? FailureCode { get; set; }

    /// <summary>A description of why signing the image failed.</summary>
    [JsonPropertyName("failureReason")]
    public string? FailureReason { get; set; }

    /// <summary>The image's signing status. One of: IN_PROGRESS, COMPLETE, FAILED.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
