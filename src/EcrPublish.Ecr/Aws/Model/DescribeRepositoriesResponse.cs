// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DescribeRepositories operation.</summary>
public sealed class DescribeRepositoriesResponse
{
    /// <summary>A list of repository objects corresponding to valid repositories.</summary>
    [JsonPropertyName("repositories")]
    public IReadOnlyList<Repository>? Repositories { get; set; }

    /// <summary>The nextToken value to include in a future DescribeRepositories request.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
