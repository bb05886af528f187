// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DescribeRepositories operation.</summary>
public sealed class DescribeRepositoriesRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repositories to be described.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>A list of repositories to describe. Length/size 1..100.</summary>
    [JsonPropertyName("repositoryNames")]
    public IReadOnlyList<string>? RepositoryNames { get; set; }

    /// <summary>The nextToken value returned from a previous paginated DescribeRepositories request where maxResults was used and the results exceeded the value of that parameter.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The maximum number of repository results returned by DescribeRepositories in paginated output. Length/size 1..1000.</summary>
    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }
}
