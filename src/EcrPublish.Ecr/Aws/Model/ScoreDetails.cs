// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>Information about the Amazon Inspector score given to a finding.</summary>
public sealed class ScoreDetails
{
    /// <summary>An object that contains details about the CVSS score given to a finding.</summary>
    [JsonPropertyName("cvss")]
    public CvssScoreDetails? Cvss { get; set; }
}
