// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DescribeRepositoryCreationTemplates operation.</summary>
public sealed class DescribeRepositoryCreationTemplatesResponse
{
    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The details of the repository creation templates.</summary>
    [JsonPropertyName("repositoryCreationTemplates")]
    public IReadOnlyList<RepositoryCreationTemplate>? RepositoryCreationTemplates { get; set; }

    /// <summary>The nextToken value to include in a future DescribeRepositoryCreationTemplates request.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
