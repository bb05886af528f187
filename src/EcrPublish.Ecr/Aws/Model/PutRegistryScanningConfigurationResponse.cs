// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's PutRegistryScanningConfiguration operation.</summary>
public sealed class PutRegistryScanningConfigurationResponse
{
    /// <summary>The scanning configuration for your registry.</summary>
    [JsonPropertyName("registryScanningConfiguration")]
    public RegistryScanningConfiguration? RegistryScanningConfiguration { get; set; }
}
