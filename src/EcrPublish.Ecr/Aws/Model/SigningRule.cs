// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>A signing rule that specifies a signing profile and optional repository filters.</summary>
public sealed class SigningRule
{
    /// <summary>The ARN of the Amazon Web Services Signer signing profile to use for signing images that match this rule. Length/size 0..200.</summary>
    [JsonPropertyName("signingProfileArn")]
    public string? SigningProfileArn { get; set; }

    /// <summary>A list of repository filters that determine which repositories have their images signed on push. Length/size 1..100.</summary>
    [JsonPropertyName("repositoryFilters")]
    public IReadOnlyList<SigningRepositoryFilter>? RepositoryFilters { get; set; }
}
