// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>The input of ECR's PutReplicationConfiguration operation.</summary>
public sealed class PutReplicationConfigurationRequest
{
    /// <summary>An object representing the replication configuration for a registry.</summary>
    [JsonPropertyName("replicationConfiguration")]
    public required ReplicationConfiguration ReplicationConfiguration { get; set; }
}
