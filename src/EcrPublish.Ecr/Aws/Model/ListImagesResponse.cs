// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's ListImages operation.</summary>
public sealed class ListImagesResponse
{
    /// <summary>The list of image IDs for the requested repository. Length/size 1..100.</summary>
    [JsonPropertyName("imageIds")]
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; set; }

    /// <summary>The nextToken value to include in a future ListImages request.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
