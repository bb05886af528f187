// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's UntagResource operation.</summary>
public sealed class UntagResourceRequest
{
    /// <summary>The Amazon Resource Name (ARN) of the resource from which to remove tags.</summary>
    [JsonPropertyName("resourceArn")]
    public required string ResourceArn { get; set; }

    /// <summary>The keys of the tags to be removed.</summary>
    [JsonPropertyName("tagKeys")]
    public required IReadOnlyList<string> TagKeys { get; set; }
}
