// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's PutImageScanningConfiguration operation.</summary>
public sealed class PutImageScanningConfigurationResponse
{
    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The repository name associated with the request. Length/size 2..256.</summary>
    [JsonPropertyName("repositoryName")]
    public string? RepositoryName { get; set; }

    /// <summary>The image scanning configuration setting for the repository.</summary>
    [JsonPropertyName("imageScanningConfiguration")]
    public ImageScanningConfiguration? ImageScanningConfiguration { get; set; }
}
