// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DeleteRepository operation.</summary>
public sealed class DeleteRepositoryRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository to delete.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository to delete. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>If true, deleting the repository force deletes the contents of the repository.</summary>
    [JsonPropertyName("force")]
    public bool? Force { get; set; }
}
