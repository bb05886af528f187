// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The output of ECR's DescribePullThroughCacheRules operation.</summary>
public sealed class DescribePullThroughCacheRulesResponse
{
    /// <summary>The details of the pull through cache rules.</summary>
    [JsonPropertyName("pullThroughCacheRules")]
    public IReadOnlyList<PullThroughCacheRule>? PullThroughCacheRules { get; set; }

    /// <summary>The nextToken value to include in a future DescribePullThroughCacheRulesRequest request.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}
