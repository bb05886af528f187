// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Information on how to remediate a finding.</summary>
public sealed class Remediation
{
    /// <summary>An object that contains information about the recommended course of action to remediate the finding.</summary>
    [JsonPropertyName("recommendation")]
    public Recommendation? Recommendation { get; set; }
}
