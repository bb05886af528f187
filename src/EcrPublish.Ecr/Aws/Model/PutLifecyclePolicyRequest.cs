// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's PutLifecyclePolicy operation.</summary>
public sealed class PutLifecyclePolicyRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository to receive the policy. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The JSON repository policy text to apply to the repository. Length/size 100..30720.</summary>
    [JsonPropertyName("lifecyclePolicyText")]
    public required string LifecyclePolicyText { get; set; }
}
