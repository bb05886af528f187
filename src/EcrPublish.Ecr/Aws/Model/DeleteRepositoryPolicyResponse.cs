// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DeleteRepositoryPolicy operation.</summary>
public sealed class DeleteRepositoryPolicyResponse
{
    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository name associated with the request. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>The JSON repository policy that was deleted from the repository. Length/size 0..10240.</summary>
    [JsonPropertyName("policyText")]
    public string? PolicyText { get; set; }
}
