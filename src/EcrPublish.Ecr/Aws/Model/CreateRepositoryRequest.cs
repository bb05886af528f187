// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's CreateRepository operation.</summary>
public sealed class CreateRepositoryRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry to create the repository.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name to use for the repository. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The metadata that you apply to the repository to help you categorize and organize them.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<Tag>? Tags { get; set; }

    /// <summary>The tag mutability setting for the repository. One of: MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION.</summary>
    [JsonPropertyName("imageTagMutability")]
    public string? ImageTagMutability { get; set; }

    /// <summary>A list of filters that specify which image tags should be excluded from the repository's image tag mutability setting. Length/size 1..5.</summary>
    [JsonPropertyName("imageTagMutabilityExclusionFilters")]
    public IReadOnlyList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }

    /// <summary>The imageScanningConfiguration parameter is being deprecated, in favor of specifying the image scanning configuration at the registry level.</summary>
    [JsonPropertyName("imageScanningConfiguration")]
    public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }

    /// <summary>The encryption configuration for the repository.</summary>
    [JsonPropertyName("encryptionConfiguration")]
    public EncryptionConfiguration? EncryptionConfiguration { get; set; }
}
