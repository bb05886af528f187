// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's GetLifecyclePolicyPreview operation.</summary>
public sealed class GetLifecyclePolicyPreviewResponse
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

    /// <summary>The status of the lifecycle policy preview request. One of: IN_PROGRESS, COMPLETE, EXPIRED, FAILED.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The nextToken value to include in a future GetLifecyclePolicyPreview request.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The results of the lifecycle policy preview request.</summary>
    [JsonPropertyName("previewResults")]
    public IReadOnlyList<LifecyclePolicyPreviewResult>? PreviewResults { get; set; }

    /// <summary>The list of images that is returned as a result of the action.</summary>
    [JsonPropertyName("summary")]
    public LifecyclePolicyPreviewSummary? Summary { get; set; }
}
