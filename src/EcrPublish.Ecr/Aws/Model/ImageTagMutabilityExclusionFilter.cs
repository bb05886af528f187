// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>A filter that specifies which image tags should be excluded from the repository's image tag mutability setting.</summary>
public sealed class ImageTagMutabilityExclusionFilter
{
    /// <summary>The type of filter to apply for excluding image tags from mutability settings. One of: WILDCARD.</summary>
    [JsonPropertyName("filterType")]
    public string? FilterType { get; set; }

    /// <summary>The filter value used to match image tags for exclusion from mutability settings. Length/size 1..128.</summary>
    [JsonPropertyName("filter")]
    public string? Filter { get; set; }
}
