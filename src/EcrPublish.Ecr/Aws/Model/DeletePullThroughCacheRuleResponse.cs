// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DeletePullThroughCacheRule operation.</summary>
public sealed class DeletePullThroughCacheRuleResponse
{
    /// <summary>The Amazon ECR repository prefix associated with the request. Length/size 2..30.</summary>
    [JsonPropertyName("ecrRepositoryPrefix")]
    public string? EcrRepositoryPrefix { get; set; }

    /// <summary>The upstream registry URL associated with the pull through cache rule.</summary>
    [JsonPropertyName("upstreamRegistryUrl")]
    public string? UpstreamRegistryUrl { get; set; }

    /// <summary>The timestamp associated with the pull through cache rule.</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The Amazon Resource Name (ARN) of the Amazon Web Services Secrets Manager secret associated with the pull through cache rule. Length/size 50..612.</summary>
    [JsonPropertyName("credentialArn")]
    public string? CredentialArn { get; set; }

    /// <summary>The ARN of the IAM role associated with the pull through cache rule. Length/size 0..2048.</summary>
    [JsonPropertyName("customRoleArn")]
    public string? CustomRoleArn { get; set; }

    /// <summary>The upstream repository prefix associated with the pull through cache rule. Length/size 2..30.</summary>
    [JsonPropertyName("upstreamRepositoryPrefix")]
    public string? UpstreamRepositoryPrefix { get; set; }
}
