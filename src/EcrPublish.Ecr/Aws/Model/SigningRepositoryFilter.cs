// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>A repository filter used to determine which repositories have their images automatically signed on push.</summary>
public sealed class SigningRepositoryFilter
{
    /// <summary>The filter value used to match repository names. Length/size 1..256.</summary>
    [JsonPropertyName("filter")]
    public string? Filter { get; set; }

    /// <summary>The type of filter to apply. One of: WILDCARD_MATCH.</summary>
    [JsonPropertyName("filterType")]
    public string? FilterType { get; set; }
}
