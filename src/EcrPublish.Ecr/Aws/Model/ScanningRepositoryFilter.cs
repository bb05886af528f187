// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The details of a scanning repository filter.</summary>
public sealed class ScanningRepositoryFilter
{
    /// <summary>The filter to use when scanning. Length/size 1..255.</summary>
    [JsonPropertyName("filter")]
    public string? Filter { get; set; }

    /// <summary>The type associated with the filter. One of: WILDCARD.</summary>
    [JsonPropertyName("filterType")]
    public string? FilterType { get; set; }
}
