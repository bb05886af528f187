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
        var name = call.RepositoryName();
        var id = ImageIdentifier.From(call.OptionalObject("imageId") ?? throw EcrErrors.InvalidParameter("imageId", "Member must not be null"));
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var image = ImageLookup.Find(record, id) ?? throw EcrErrors.ImageNotFound(id.Digest, id.Tag, name, options.AccountId);
        return new JsonObject
        {
            ["repositoryName"] = name,
            ["imageId"] = EcrJson.ImageId(image.Digest, id.Tag),
            ["replicationStatuses"] = ReplicationJson.Statuses(image.ReplicationStatuses),
        };
    }
}
