// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The scanning configuration for a private registry.</summary>
public sealed class RegistryScanningConfiguration
{
    /// <summary>The type of scanning configured for the registry. One of: BASIC, ENHANCED.</summary>
    [JsonPropertyName("scanType")]
    public string? ScanType { get; set; }

    /// <summary>The scanning rules associated with the registry. Length/size 0..2.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<RegistryScanningRule>? Rules { get; set; }
}
