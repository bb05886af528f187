// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An object representing a repository.</summary>
public sealed class Repository
{
    /// <summary>The Amazon Resource Name (ARN) that identifies the repository.</summary>
    [JsonPropertyName("repositoryArn")]
    public string? RepositoryArn { get; set; }

    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>The URI for the repository.</summary>
    [JsonPropertyName("repositoryUri")]
    public string? RepositoryUri { get; set; }

    /// <summary>The date and time, in JavaScript date format, when the repository was created.</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The tag mutability setting for the repository. One of: MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION.</summary>
    [JsonPropertyName("imageTagMutability")]
    public string? ImageTagMutability { get; set; }

    /// <summary>A list of filters that specify which image tags are excluded from the repository's image tag mutability setting. Length/size 1..5.</summary>
    [JsonPropertyName("imageTagMutabilityExclusionFilters")]
    public IReadOnlyList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }

    /// <summary>The image scanning configuration for a repository.</summary>
    [JsonPropertyName("imageScanningConfiguration")]
    public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }

    /// <summary>The encryption configuration for the repository.</summary>
    [JsonPropertyName("encryptionConfiguration")]
    public EncryptionConfiguration? EncryptionConfiguration { get; set; }
}
