// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Details on adjustments Amazon Inspector made to the CVSS score for a finding.</summary>
public sealed class CvssScoreAdjustment
{
    /// <summary>The metric used to adjust the CVSS score.</summary>
    [JsonPropertyName("metric")]
    public string? Metric { get; set; }

    /// <summary>The reason the CVSS score has been adjustment.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}
