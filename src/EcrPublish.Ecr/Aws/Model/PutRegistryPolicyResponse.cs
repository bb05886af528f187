// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's PutRegistryPolicy operation.</summary>
public sealed class PutRegistryPolicyResponse
{
    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The JSON policy text for your registry. Length/size 0..10240.</summary>
    [JsonPropertyName("policyText")]
    public string? PolicyText { get; set; }
}
