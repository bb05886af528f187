// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The CVSS score for a finding.</summary>
public sealed class CvssScore
{
    /// <summary>The base CVSS score used for the finding.</summary>
    [JsonPropertyName("baseScore")]
    public double? BaseScore { get; set; }

    /// <summary>The vector string of the CVSS score.</summary>
    [JsonPropertyName("scoringVector")]
    public string? ScoringVector { get; set; }

    /// <summary>The source of the CVSS score.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The version of CVSS used for the score.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }
}
