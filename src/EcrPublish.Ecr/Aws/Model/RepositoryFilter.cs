// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The filter settings used with image replication.</summary>
public sealed class RepositoryFilter
{
    /// <summary>The repository filter details. Length/size 2..256.</summary>
    [JsonPropertyName("filter")]
    public string? Filter { get; set; }

    /// <summary>The repository filter type. One of: PREFIX_MATCH.</summary>
    [JsonPropertyName("filterType")]
    public string? FilterType { get; set; }
}
