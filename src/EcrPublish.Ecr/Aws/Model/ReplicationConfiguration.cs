// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The replication configuration for a registry.</summary>
public sealed class ReplicationConfiguration
{
    /// <summary>An array of objects representing the replication destinations and repository filters for a replication configuration. Length/size 0..10.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<ReplicationRule>? Rules { get; set; }
}
