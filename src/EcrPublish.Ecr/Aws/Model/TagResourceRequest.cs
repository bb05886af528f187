// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's TagResource operation.</summary>
public sealed class TagResourceRequest
{
    /// <summary>The Amazon Resource Name (ARN) of the the resource to which to add tags.</summary>
    [JsonPropertyName("resourceArn")]
    public required string ResourceArn { get; set; }

    /// <summary>The tags to add to the resource.</summary>
    [JsonPropertyName("tags")]
    public required IReadOnlyList<Tag> Tags { get; set; }
}
