// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DescribeImageScanFindings operation.</summary>
public sealed class DescribeImageScanFindingsRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository in which to describe the image scan findings for.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository for the image for which to describe the scan findings. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>An object with identifying information for an image in an Amazon ECR repository.</summary>
    [JsonPropertyName("imageId")]
    public required ImageIdentifier ImageId { get; set; }

    /// <summary>The nextToken value returned from a previous paginated DescribeImageScanFindings request where maxResults was used and the results exceeded the value of that parameter.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The maximum number of image scan results returned by DescribeImageScanFindings in paginated output. Length/size 1..1000.</summary>
    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }
}
