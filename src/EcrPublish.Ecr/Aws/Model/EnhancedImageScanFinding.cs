// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The details of an enhanced image scan.</summary>
public sealed class EnhancedImageScanFinding
{
    /// <summary>The Amazon Web Services account ID associated with the image.</summary>
    [JsonPropertyName("awsAccountId")]
    public string? AwsAccountId { get; set; }

    /// <summary>The description of the finding.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The Amazon Resource Number (ARN) of the finding.</summary>
    [JsonPropertyName("findingArn")]
    public string? FindingArn { get; set; }

    /// <summary>The date and time that the finding was first observed.</summary>
    [JsonPropertyName("firstObservedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? FirstObservedAt { get; set; }

    /// <summary>The date and time that the finding was last observed.</summary>
    [JsonPropertyName("lastObservedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastObservedAt { get; set; }

    /// <summary>An object that contains the details of a package vulnerability finding.</summary>
    [JsonPropertyName("packageVulnerabilityDetails")]
    public PackageVulnerabilityDetails? PackageVulnerabilityDetails { get; set; }

    /// <summary>An object that contains the details about how to remediate a finding.</summary>
    [JsonPropertyName("remediation")]
    public Remediation? Remediation { get; set; }

    /// <summary>Contains information on the resources involved in a finding.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<Resource>? Resources { get; set; }

    /// <summary>The Amazon Inspector score given to the finding.</summary>
    [JsonPropertyName("score")]
    public double? Score { get; set; }

    /// <summary>An object that contains details of the Amazon Inspector score.</summary>
    [JsonPropertyName("scoreDetails")]
    public ScoreDetails? ScoreDetails { get; set; }

    /// <summary>The severity of the finding.</summary>
    [JsonPropertyName("severity")]
    public string? Severity { get; set; }

    /// <summary>The status of the finding.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The title of the finding.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>The type of the finding.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The date and time the finding was last updated at.</summary>
    [JsonPropertyName("updatedAt")]
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Details on whether a fix is available through a version update.</summary>
    [JsonPropertyName("fixAvailable")]
    public string? FixAvailable { get; set; }

    /// <summary>If a finding discovered in your environment has an exploit available.</summary>
    [JsonPropertyName("exploitAvailable")]
    public string? ExploitAvailable { get; set; }
}
