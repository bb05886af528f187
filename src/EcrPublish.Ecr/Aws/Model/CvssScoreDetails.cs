// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Information about the CVSS score.</summary>
public sealed class CvssScoreDetails
{
    /// <summary>An object that contains details about adjustment Amazon Inspector made to the CVSS score.</summary>
    [JsonPropertyName("adjustments")]
    public IReadOnlyList<CvssScoreAdjustment>? Adjustments { get; set; }

    /// <summary>The CVSS score.</summary>
    [JsonPropertyName("score")]
    public double? Score { get; set; }

    /// <summary>The source for the CVSS score.</summary>
    [JsonPropertyName("scoreSource")]
    public string? ScoreSource { get; set; }

    /// <summary>The vector for the CVSS score.</summary>
    [JsonPropertyName("scoringVector")]
    public string? ScoringVector { get; set; }

    /// <summary>The CVSS version used in scoring.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }
}
