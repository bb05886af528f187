// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's BatchGetImage operation.</summary>
public sealed class BatchGetImageResponse
{
    /// <summary>A list of image objects corresponding to the image references in the request.</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<Image>? Images { get; set; }

    /// <summary>Any failures associated with the call.</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<ImageFailure>? Failures { get; set; }
}
