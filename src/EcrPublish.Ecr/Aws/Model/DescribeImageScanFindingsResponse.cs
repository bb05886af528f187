// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DescribeImageScanFindings operation.</summary>
public sealed class DescribeImageScanFindingsResponse
{
    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository name associated with the request. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>An object with identifying information for an image in an Amazon ECR repository.</summary>
    [JsonPropertyName("imageId")]
    public ImageIdentifier? ImageId { get; set; }

    /// <summary>The current state of the scan.</summary>
    [JsonPropertyName("imageScanStatus")]
    public ImageScanStatus? ImageScanStatus { get; set; }

    /// <summary>The information contained in the image scan findings.</summary>
    [JsonPropertyName("imageScanFindings")]
    public ImageScanFindings? ImageScanFindings { get; set; }

    /// <summary>The nextToken value to include in a future DescribeImageScanFindings request.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
