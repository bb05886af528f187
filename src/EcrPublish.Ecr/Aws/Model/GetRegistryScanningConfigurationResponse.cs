// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's GetRegistryScanningConfiguration operation.</summary>
public sealed class GetRegistryScanningConfigurationResponse
{
    /// <summary>The registry ID associated with the request.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The scanning configuration for the registry.</summary>
    [JsonPropertyName("scanningConfiguration")]
    public RegistryScanningConfiguration? ScanningConfiguration { get; set; }
}
