// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's ListTagsForResource operation.</summary>
public sealed class ListTagsForResourceRequest
{
    /// <summary>The Amazon Resource Name (ARN) that identifies the resource for which to list the tags.</summary>
    [JsonPropertyName("resourceArn")]
    public required string ResourceArn { get; set; }
}
