// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's PutImageTagMutability operation.</summary>
public sealed class PutImageTagMutabilityRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository in which to update the image tag mutability settings.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository in which to update the image tag mutability settings. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The tag mutability setting for the repository. One of: MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION.</summary>
    [JsonPropertyName("imageTagMutability")]
    public required string ImageTagMutability { get; set; }

    /// <summary>A list of filters that specify which image tags should be excluded from the image tag mutability setting being applied. Length/size 1..5.</summary>
    [JsonPropertyName("imageTagMutabilityExclusionFilters")]
    public IReadOnlyList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }
}
