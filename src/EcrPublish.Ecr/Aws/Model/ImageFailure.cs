// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An object representing an Amazon ECR image failure.</summary>
public sealed class ImageFailure
{
    /// <summary>The image ID associated with the failure.</summary>
    [JsonPropertyName("imageId")]
    public ImageIdentifier? ImageId { get; set; }

    /// <summary>The code associated with the failure. One of: InvalidImageDigest, InvalidImageTag, ImageTagDoesNotMatchDigest, ImageNotFound, MissingDigestAndTag, ImageReferencedByManifestList, KmsError, UpstreamAccessDenied, UpstreamTooManyRequests, UpstreamUnavailable, ImageInaccessible.</summary>
    [JsonPropertyName("failureCode")]
    public string? FailureCode { get; set; }

    /// <summary>The reason for the failure.</summary>
    [JsonPropertyName("failureReason")]
    public string? FailureReason { get; set; }
}
