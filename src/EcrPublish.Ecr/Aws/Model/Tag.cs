// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The metadata to apply to a resource to help you categorize and organize them.</summary>
public sealed class Tag
{
    /// <summary>One part of a key-value pair that make up a tag.</summary>
    [JsonPropertyName("Key")]
    public string? Key { get; set; }

    /// <summary>A value acts as a descriptor within a tag category (key).</summary>
    [JsonPropertyName("Value")]
    public string? Value { get; set; }
}
