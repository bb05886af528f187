// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's PutRegistryScanningConfiguration operation.</summary>
public sealed class PutRegistryScanningConfigurationRequest
{
    /// <summary>The scanning type to set for the registry. One of: BASIC, ENHANCED.</summary>
    [JsonPropertyName("scanType")]
    public string? ScanType { get; set; }

    /// <summary>The scanning rules to use for the registry. Length/size 0..2.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<RegistryScanningRule>? Rules { get; set; }
}
