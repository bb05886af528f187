// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DeleteLifecyclePolicy operation.</summary>
public sealed class DeleteLifecyclePolicyResponse
{
    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository name associated with the request. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>The JSON lifecycle policy text. Length/size 100..30720.</summary>
    [JsonPropertyName("lifecyclePolicyText")]
    public string? LifecyclePolicyText { get; set; }

    /// <summary>The time stamp of the last time that the lifecycle policy was run.</summary>
    [JsonPropertyName("lastEvaluatedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastEvaluatedAt { get; set; }
}
