// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's BatchDeleteImage operation.</summary>
public sealed class BatchDeleteImageResponse
{
    /// <summary>The image IDs of the deleted images. Length/size 1..100.</summary>
    [JsonPropertyName("imageIds")]
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; set; }

    /// <summary>Any failures associated with the call.</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<ImageFailure>? Failures { get; set; }
}
