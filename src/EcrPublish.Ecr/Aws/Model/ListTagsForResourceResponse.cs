// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's ListTagsForResource operation.</summary>
public sealed class ListTagsForResourceResponse
{
    /// <summary>The tags for the resource.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<Tag>? Tags { get; set; }
}
