using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Replication;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>PutReplicationConfiguration and DescribeImageReplicationStatus (DescribeRegistry is in <see cref="RegistryOperations"/>).</summary>
internal sealed class ReplicationOperations(LocalEcrOptions options, RepositoryStore repositories, RegistrySettingsStore settings)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("PutReplicationConfiguration", PutReplicationConfigurationAsync),
        new("DescribeImageReplicationStatus", DescribeImageReplicationStatusAsync),
    ];

    private Task<JsonObject> PutReplicationConfigurationAsync(EcrCall call)
    {
        var rules = ReplicationConfigurationReader.Read(call, options.AccountId, options.Region);
        settings.Update(current => current.ReplicationRules = rules);
        return Task.FromResult(new JsonObject { ["replicationConfiguration"] = ReplicationJson.Configuration(rules) });
    }

    private async Task<JsonObject> DescribeImageReplicationStatusAsync(EcrCall call)
    {
        var (name, id, image) = await ImageLookup.RequireAsync(call, repositories, options.AccountId);
        return new JsonObject
        {
            ["repositoryName"] = name,
            ["imageId"] = EcrJson.ImageId(image.Digest, id.Tag),
            ["replicationStatuses"] = ReplicationJson.Statuses(image.ReplicationStatuses),
        };
    }
}
