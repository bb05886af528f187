// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An object with identifying information for an image in an Amazon ECR repository.</summary>
public sealed class ImageIdentifier
{
    /// <summary>The sha256 digest of the image manifest.</summary>
    [JsonPropertyName("imageDigest")]
    public string? ImageDigest { get; set; }

    /// <summary>The tag used for the image. Length/size 1..300.</summary>
    [JsonPropertyName("imageTag")]
    public string? ImageTag { get; set; }
}
