// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DescribeImages operation.</summary>
public sealed class DescribeImagesResponse
{
    /// <summary>A list of ImageDetail objects that contain data about the image.</summary>
    [JsonPropertyName("imageDetails")]
    public IReadOnlyList<ImageDetail>? ImageDetails { get; set; }

    /// <summary>The nextToken value to include in a future DescribeImages request.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
