// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The type of action to be taken.</summary>
public sealed class LifecyclePolicyRuleAction
{
    /// <summary>The type of action to be taken. One of: EXPIRE, TRANSITION.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The target storage class for the action. One of: ARCHIVE.</summary>
    [JsonPropertyName("targetStorageClass")]
    public string? TargetStorageClass { get; set; }
}
