// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An array of objects representing the replication destinations and repository filters for a replication configuration.</summary>
public sealed class ReplicationRule
{
    /// <summary>An array of objects representing the destination for a replication rule. Length/size 0..100.</summary>
    [JsonPropertyName("destinations")]
    public IReadOnlyList<ReplicationDestination>? Destinations { get; set; }

    /// <summary>An array of objects representing the filters for a replication rule. Length/size 1..100.</summary>
    [JsonPropertyName("repositoryFilters")]
    public IReadOnlyList<RepositoryFilter>? RepositoryFilters { get; set; }
}
