// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's PutImageScanningConfiguration operation.</summary>
public sealed class PutImageScanningConfigurationRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry that contains the repository in which to update the image scanning configuration setting.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The name of the repository in which to update the image scanning configuration setting. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public required string RepositoryName { get; set; }

    /// <summary>The image scanning configuration for the repository.</summary>
    [JsonPropertyName("imageScanningConfiguration")]
    public required ImageScanningConfiguration ImageScanningConfiguration { get; set; }
}
