// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Details about the recommended course of action to remediate the finding.</summary>
public sealed class Recommendation
{
    /// <summary>The URL address to the CVE remediation recommendations.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The recommended course of action to remediate the finding.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}
