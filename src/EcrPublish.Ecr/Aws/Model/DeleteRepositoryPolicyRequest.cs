// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DeleteRepositoryPolicy operation.</summary>
public sealed class DeleteRepositoryPolicyRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository policy to delete.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository that is associated with the repository policy to delete. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }
}
