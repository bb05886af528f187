// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's StartLifecyclePolicyPreview operation.</summary>
public sealed class StartLifecyclePolicyPreviewRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository to be evaluated. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The policy to be evaluated against. Length/size 100..30720.</summary>
    [JsonPropertyName("lifecyclePolicyText")]
    public string? LifecyclePolicyText { get; set; }
}
