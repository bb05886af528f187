// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The details of a pull through cache rule.</summary>
public sealed class PullThroughCacheRule
{
    /// <summary>The Amazon ECR repository prefix associated with the pull through cache rule. Length/size 2..30.</summary>
    [JsonPropertyName("ecrRepositoryPrefix")]
    public string? EcrRepositoryPrefix { get; set; }

    /// <summary>The upstream registry URL associated with the pull through cache rule.</summary>
    [JsonPropertyName("upstreamRegistryUrl")]
    public string? UpstreamRegistryUrl { get; set; }

    /// <summary>The date and time the pull through cache was created.</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The Amazon Web Services account ID associated with the registry the pull through cache rule is associated with.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The ARN of the Secrets Manager secret associated with the pull through cache rule. Length/size 50..612.</summary>
    [JsonPropertyName("credentialArn")]
    public string? CredentialArn { get; set; }

    /// <summary>The ARN of the IAM role associated with the pull through cache rule. Length/size 0..2048.</summary>
    [JsonPropertyName("customRoleArn")]
    public string? CustomRoleArn { get; set; }

    /// <summary>The upstream repository prefix associated with the pull through cache rule. Length/size 2..30.</summary>
    [JsonPropertyName("upstreamRepositoryPrefix")]
    public string? UpstreamRepositoryPrefix { get; set; }

    /// <summary>The name of the upstream source registry associated with the pull through cache rule. One of: ecr, ecr-public, quay, k8s, docker-hub, github-container-registry, azure-container-registry, gitlab-container-registry, chainguard.</summary>
    [JsonPropertyName("upstreamRegistry")]
    public string? UpstreamRegistry { get; set; }

    /// <summary>The date and time, in JavaScript date format, when the pull through cache rule was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }
}
