// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The details of an image scan.</summary>
public sealed class ImageScanFindings
{
    /// <summary>The time of the last completed image scan.</summary>
    [JsonPropertyName("imageScanCompletedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? ImageScanCompletedAt { get; set; }

    /// <summary>The time when the vulnerability data was last scanned.</summary>
    [JsonPropertyName("vulnerabilitySourceUpdatedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? VulnerabilitySourceUpdatedAt { get; set; }

    /// <summary>The image vulnerability counts, sorted by severity.</summary>
    [JsonPropertyName("findingSeverityCounts")]
    public IReadOnlyDictionary<string, int>? FindingSeverityCounts { get; set; }

    /// <summary>The findings from the image scan.</summary>
    [JsonPropertyName("findings")]
    public IReadOnlyList<ImageScanFinding>? Findings { get; set; }

    /// <summary>Details about the enhanced scan findings from Amazon Inspector.</summary>
    [JsonPropertyName("enhancedFindings")]
    public IReadOnlyList<EnhancedImageScanFinding>? EnhancedFindings { get; set; }
}
