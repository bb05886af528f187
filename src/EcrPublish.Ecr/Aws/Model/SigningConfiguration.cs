// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The signing configuration for a registry, which specifies rules for automatically signing images when pushed.</summary>
public sealed class SigningConfiguration
{
    /// <summary>A list of signing rules. Length/size 0..10.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<SigningRule>? Rules { get; set; }
}
