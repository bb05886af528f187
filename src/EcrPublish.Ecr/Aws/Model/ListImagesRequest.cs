// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's ListImages operation.</summary>
public sealed class ListImagesRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository in which to list images.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository with image IDs to be listed. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The nextToken value returned from a previous paginated ListImages request where maxResults was used and the results exceeded the value of that parameter.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The maximum number of image results returned by ListImages in paginated output. Length/size 1..1000.</summary>
    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    /// <summary>The filter key and value with which to filter your ListImages results.</summary>
    [JsonPropertyName("filter")]
    public ListImagesFilter? Filter { get; set; }
}
