// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DescribeImages operation.</summary>
public sealed class DescribeImagesRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository in which to describe images.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository that contains the images to describe. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The list of image IDs for the requested repository. Length/size 1..100.</summary>
    [JsonPropertyName("imageIds")]
    public IReadOnlyList<ImageIdentifier>? ImageIds { get; set; }

    /// <summary>The nextToken value returned from a previous paginated DescribeImages request where maxResults was used and the results exceeded the value of that parameter.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The maximum number of repository results returned by DescribeImages in paginated output. Length/size 1..1000.</summary>
    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }

    /// <summary>The filter key and value with which to filter your DescribeImages results.</summary>
    [JsonPropertyName("filter")]
    public DescribeImagesFilter? Filter { get; set; }
}
