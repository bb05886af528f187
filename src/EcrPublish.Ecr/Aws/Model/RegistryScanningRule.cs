// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The details of a scanning rule for a private registry.</summary>
public sealed class RegistryScanningRule
{
    /// <summary>The frequency that scans are performed at for a private registry. One of: SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL.</summary>
    [JsonPropertyName("scanFrequency")]
    public string? ScanFrequency { get; set; }

    /// <summary>The repository filters associated with the scanning configuration for a private registry. Length/size 0..100.</summary>
    [JsonPropertyName("repositoryFilters")]
    public IReadOnlyList<ScanningRepositoryFilter>? RepositoryFilters { get; set; }
}
