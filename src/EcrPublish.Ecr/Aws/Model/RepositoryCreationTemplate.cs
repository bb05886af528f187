// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The details of the repository creation template associated with the request.</summary>
public sealed class RepositoryCreationTemplate
{
    /// <summary>The repository namespace prefix associated with the repository creation template. Length/size 1..256.</summary>
    [JsonPropertyName("prefix")]
    public string? Prefix { get; set; }

    /// <summary>The description associated with the repository creation template. Length/size 0..256.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The encryption configuration associated with the repository creation template.</summary>
    [JsonPropertyName("encryptionConfiguration")]
    public EncryptionConfigurationForRepositoryCreationTemplate? EncryptionConfiguration { get; set; }

    /// <summary>The metadata to apply to the repository to help you categorize and organize.</summary>
    [JsonPropertyName("resourceTags")]
    public IReadOnlyList<Tag>? ResourceTags { get; set; }

    /// <summary>The tag mutability setting for the repository. One of: MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION.</summary>
    [JsonPropertyName("imageTagMutability")]
    public string? ImageTagMutability { get; set; }

    /// <summary>A list of filters that specify which image tags are excluded from the repository creation template's image tag mutability setting. Length/size 1..5.</summary>
    [JsonPropertyName("imageTagMutabilityExclusionFilters")]
    public IReadOnlyList<ImageTagMutabilityExclusionFilter>? ImageTagMutabilityExclusionFilters { get; set; }

    /// <summary>The repository policy to apply to repositories created using the template. Length/size 0..10240.</summary>
    [JsonPropertyName("repositoryPolicy")]
    public string? RepositoryPolicy { get; set; }

    /// <summary>The lifecycle policy to use for repositories created using the template. Length/size 0..30720.</summary>
    [JsonPropertyName("lifecyclePolicy")]
    public string? LifecyclePolicy { get; set; }

    /// <summary>A list of enumerable Strings representing the repository creation scenarios that this template will apply towards.</summary>
    [JsonPropertyName("appliedFor")]
    public IReadOnlyList<string>? AppliedFor { get; set; }

    /// <summary>The ARN of the role to be assumed by Amazon ECR. Length/size 0..2048.</summary>
    [JsonPropertyName("customRoleArn")]
    public string? CustomRoleArn { get; set; }

    /// <summary>The date and time, in JavaScript date format, when the repository creation template was created.</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The date and time, in JavaScript date format, when the repository creation template was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }
}
