// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An object representing a filter on a ListImages operation.</summary>
public sealed class ListImagesFilter
{
    /// <summary>The tag status with which to filter your ListImages results. One of: TAGGED, UNTAGGED, ANY.</summary>
    [JsonPropertyName("tagStatus")]
    public string? TagStatus { get; set; }

    /// <summary>The image status with which to filter your ListImages results. One of: ACTIVE, ARCHIVED, ACTIVATING, ANY.</summary>
    [JsonPropertyName("imageStatus")]
    public string? ImageStatus { get; set; }
}
