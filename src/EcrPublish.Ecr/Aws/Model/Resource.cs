// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Details about the resource involved in a finding.</summary>
public sealed class Resource
{
    /// <summary>An object that contains details about the resource involved in a finding.</summary>
    [JsonPropertyName("details")]
    public ResourceDetails? Details { get; set; }

    /// <summary>The ID of the resource.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The tags attached to the resource.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; set; }

    /// <summary>The type of resource.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
