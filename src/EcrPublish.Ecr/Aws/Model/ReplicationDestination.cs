// Generated from botocore's ECR model (2015-09-21) by generate_model.py; regenerate rather than edit.
using System.Text.Json.Serialization;

namespace EcrPublish.Aws.Model;

/// <summary>An array of objects representing the destination for a replication rule.</summary>
public sealed class ReplicationDestination
{
    /// <summary>The Region to replicate to. Length/size 2..25.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The Amazon Web Services account ID of the Amazon ECR private registry to replicate to.</summary>
    [JsonPropertyName("registryId")]
    public string? RegistryId { get; set; }
}
