using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Replication;

/// <summary>ECR's <c>replicationConfiguration</c> and <c>replicationStatuses</c> shapes.</summary>
internal static class ReplicationJson
{
    public static JsonObject Configuration(IEnumerable<ReplicationRule> rules) => new()
    {
        ["rules"] = new JsonArray(rules.Select(rule =>
        {
            var json = new JsonObject
            {
                ["destinations"] = new JsonArray(rule.Destinations.Select(destination => (JsonNode)new JsonObject
                {
                    ["region"] = destination.Region,
                    ["registryId"] = destination.RegistryId,
                }).ToArray()),
            };
            if (rule.RepositoryPrefixes.Count > 0)
            {
                json["repositoryFilters"] = new JsonArray(rule.RepositoryPrefixes.Select(prefix => (JsonNode)new JsonObject
                {
                    ["filter"] = prefix,
                    ["filterType"] = "PREFIX_MATCH",
                }).ToArray());
            }

            return (JsonNode)json;
        }).ToArray()),
    };

    public static JsonArray Statuses(IEnumerable<ImageReplicationStatus> statuses) => new(statuses.Select(status =>
    {
        var json = new JsonObject
        {
            ["region"] = status.Region,
            ["registryId"] = status.RegistryId,
            ["status"] = status.Status,
        };
        if (status.FailureCode is not null)
        {
            json["failureCode"] = status.FailureCode;
        }

        return (JsonNode)json;
    }).ToArray());
}
