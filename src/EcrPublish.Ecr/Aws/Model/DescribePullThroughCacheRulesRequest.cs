// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's DescribePullThroughCacheRules operation.</summary>
public sealed class DescribePullThroughCacheRulesRequest
{
    /// <summary>The Amazon Web Services account ID associated with the registry to return the pull through cache rules for.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }

    /// <summary>The Amazon ECR repository prefixes associated with the pull through cache rules to return. Length/size 1..100.</summary>
    [JsonPropertyName("ecrRepositoryPrefixes")]
    public IReadOnlyList<string>? EcrRepositoryPrefixes { get; set; }

    /// <summary>The nextToken value returned from a previous paginated DescribePullThroughCacheRulesRequest request where maxResults was used and the results exceeded the value of that parameter.</summary>
    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    /// <summary>The maximum number of pull through cache rules returned by DescribePullThroughCacheRulesRequest in paginated output. Length/size 1..1000.</summary>
    [JsonPropertyName("maxResults")]
    public int? MaxResults { get; set; }
}
