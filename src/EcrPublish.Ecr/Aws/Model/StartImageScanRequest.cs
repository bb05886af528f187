// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's StartImageScan operation.</summary>
public sealed class StartImageScanRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository in which to start an image scan request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository that contains the images to scan. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>An object with identifying information for an image in an Amazon ECR repository.</summary>
    [JsonPropertyName("imageId")]
    public required ImageIdentifier ImageId { get; set; }
}
