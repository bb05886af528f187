// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's PutRegistryPolicy operation.</summary>
public sealed class PutRegistryPolicyRequest
{
    /// <summary>The JSON policy text to apply to your registry. Length/size 0..10240.</summary>
    [JsonPropertyName("policyText")]
    public required string PolicyText { get; set; }
}
