// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DescribeRepositoryCreationTemplates operation.</summary>
public sealed class DescribeRepositoryCreationTemplatesRequest
{
    /// <summary>The repository namespace prefixes associated with the repository creation templates to describe.</summary>
    [JsonPropertyName("prefixes")]
    public IReadOnlyList<string>? Prefixes { get; set; }

    /// <summary>The nextToken value returned from a previous paginated DescribeRepositoryCreationTemplates request where maxResults was used and the results exceeded the value of that parameter.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The maximum number of repository results returned by DescribeRepositoryCreationTemplatesRequest in paginated output. Length/size 1..1000.</summary>
    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }
}
