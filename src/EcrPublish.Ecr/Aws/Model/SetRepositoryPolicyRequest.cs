// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's SetRepositoryPolicy operation.</summary>
public sealed class SetRepositoryPolicyRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository to receive the policy. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The JSON repository policy text to apply to the repository. Length/size 0..10240.</summary>
    [JsonPropertyName("policyText")]
    public required string PolicyText { get; set; }

    /// <summary>If the policy you are attempting to set on a repository policy would prevent you from setting another policy in the future, you must force the SetRepositoryPolicy operation.</summary>
    [JsonPropertyName("force")]
    public bool? Force { get; set; }
}
