// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DeletePullThroughCacheRule operation.</summary>
public sealed class DeletePullThroughCacheRuleRequest
{
    /// <summary>The Amazon ECR repository prefix associated with the pull through cache rule to delete. Length/size 2..30.</summary>
    [JsonPropertyName("ecrRepositoryPrefix")]
    public required string EcrRepositoryPrefix { get; set; }

    /// <summary>The Amazon Web Services account ID associated with the registry that contains the pull through cache rule.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }
}
