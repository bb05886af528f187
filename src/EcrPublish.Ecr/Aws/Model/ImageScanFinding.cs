// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Contains information about an image scan finding.</summary>
public sealed class ImageScanFinding
{
    /// <summary>The name associated with the finding, usually a CVE number.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The description of the finding.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>A link containing additional details about the security vulnerability.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    /// <summary>The finding severity. One of: INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL, UNDEFINED.</summary>
    [JsonPropertyName("severity")]
    public string? Severity { get; set; }

    /// <summary>A collection of attributes of the host from which the finding is generated. Length/size 0..50.</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyList<FindingAttributeEntry>? Attributes { get; set; }
}
