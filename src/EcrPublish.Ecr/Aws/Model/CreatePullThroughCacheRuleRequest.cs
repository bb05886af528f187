// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's CreatePullThroughCacheRule operation.</summary>
public sealed class CreatePullThroughCacheRuleRequest
{
    /// <summary>The repository name prefix to use when caching images from the source registry. Length/size 2..30.</summary>
    [JsonPropertyName("ecrRepositoryPrefix")]
    public required string EcrRepositoryPrefix { get; set; }

    /// <summary>The registry URL of the upstream public registry to use as the source for the pull through cache rule.</summary>
    [JsonPropertyName("upstreamRegistryUrl")]
    public required string UpstreamRegistryUrl { get; set; }

    /// <summary>The Amazon Web Services account ID associated with the registry to create the pull through cache rule for.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the upstream registry. One of: ecr, ecr-public, quay, k8s, docker-hub, github-container-registry, azure-container-registry, gitlab-container-registry, chainguard.</summary>
    [JsonPropertyName("upstreamRegistry")]
    public string? UpstreamRegistry { get; set; }

    /// <summary>The Amazon Resource Name (ARN) of the Amazon Web Services Secrets Manager secret that identifies the credentials to authenticate to the upstream registry. Length/size 50..612.</summary>
    [JsonPropertyName("credentialArn")]
    public string? CredentialArn { get; set; }

    /// <summary>Amazon Resource Name (ARN) of the IAM role to be assumed by Amazon ECR to authenticate to the ECR upstream registry. Length/size 0..2048.</summary>
    [JsonPropertyName("customRoleArn")]
    public string? CustomRoleArn { get; set; }

    /// <summary>The repository name prefix of the upstream registry to match with the upstream repository name. Length/size 2..30.</summary>
    [JsonPropertyName("upstreamRepositoryPrefix")]
    public string? UpstreamRepositoryPrefix { get; set; }
}
