using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.ControlPlane;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Replication;

/// <summary>
/// Reads PutReplicationConfiguration's <c>replicationConfiguration</c> with ECR's constraints: at most 10 rules, at most
/// 25 distinct destinations in all, region and registry id formats, 1..100 <c>PREFIX_MATCH</c> filters of 2..256
/// characters, and no rule that replicates the registry into itself.
/// </summary>
internal static partial class ReplicationConfigurationReader
{
    public const int MaxRules = 10;
    public const int MaxDistinctDestinations = 25;
    private const string Member = "replicationConfiguration";

    public static List<ReplicationRule> Read(EcrCall call, string sourceAccountId, string sourceRegion)
    {
        var configuration = call.OptionalObject(Member) ?? throw EcrErrors.InvalidParameter(Member, "Member must not be null");
        var ruleNodes = call.OptionalArray("rules", 0, MaxRules, configuration)
            ?? throw EcrErrors.InvalidParameter($"{Member}.rules", "Member must not be null");
        var rules = ruleNodes.Select((node, index) => ReadRule(call, node, $"{Member}.rules.{index + 1}.member")).ToList();

        var distinct = rules.SelectMany(rule => rule.Destinations).Distinct().ToList();
        if (distinct.Count > MaxDistinctDestinations)
        {
            throw EcrErrors.InvalidParameter($"Invalid parameter at '{Member}' failed to satisfy constraint: 'Replication configuration can have at most {MaxDistinctDestinations} unique destinations'");
        }

        if (distinct.Any(destination => destination.Region == sourceRegion && destination.RegistryId == sourceAccountId))
        {
            throw EcrErrors.InvalidParameter($"Invalid parameter at '{Member}' failed to satisfy constraint: 'Replication destination cannot be the same as the source registry ({sourceRegion}, {sourceAccountId})'");
        }

        return rules;
    }

    private static ReplicationRule ReadRule(EcrCall call, JsonNode? node, string path)
    {
        var rule = node as JsonObject ?? throw EcrErrors.Serialization("'rules' entries must be objects");
        var destinationNodes = call.OptionalArray("destinations", 0, 100, rule)
            ?? throw EcrErrors.InvalidParameter($"{path}.destinations", "Member must not be null");
        var destinations = destinationNodes.Select((item, index) => ReadDestination(item, $"{path}.destinations.{index + 1}.member")).ToList();
        var filterNodes = call.OptionalArray("repositoryFilters", 1, 100, rule) ?? [];
        var prefixes = filterNodes.Select((item, index) => ReadFilter(item, $"{path}.repositoryFilters.{index + 1}.member")).ToList();
        return new ReplicationRule { Destinations = destinations, RepositoryPrefixes = prefixes };
    }

    private static ReplicationDestination ReadDestination(JsonNode? node, string path)
    {
        var destination = node as JsonObject ?? throw EcrErrors.Serialization("'destinations' entries must be objects");
        var region = EcrCall.StringOf(destination["region"], "region") ?? throw EcrErrors.InvalidParameter($"{path}.region", "Member must not be null");
        var registryId = EcrCall.StringOf(destination["registryId"], "registryId") ?? throw EcrErrors.InvalidParameter($"{path}.registryId", "Member must not be null");
        if (!EcrRegion.MatchesModel(region))
        {
            throw EcrErrors.InvalidParameter($"{path}.region", $"Member must satisfy regular expression pattern: {EcrRegion.ModelPatternText}");
        }

        if (!EcrRegistryId.IsValid(registryId))
        {
            throw EcrErrors.InvalidParameter($"{path}.registryId", $"Member must satisfy regular expression pattern: {EcrRegistryId.PatternText}");
        }

        return new ReplicationDestination(region, registryId);
    }

    private static string ReadFilter(JsonNode? node, string path)
    {
        var filter = node as JsonObject ?? throw EcrErrors.Serialization("'repositoryFilters' entries must be objects");
        var text = EcrCall.StringOf(filter["filter"], "filter") ?? throw EcrErrors.InvalidParameter($"{path}.filter", "Member must not be null");
        var type = EcrCall.StringOf(filter["filterType"], "filterType") ?? throw EcrErrors.InvalidParameter($"{path}.filterType", "Member must not be null");
        if (text.Length is < 2 or > 256)
        {
            throw EcrErrors.InvalidParameter($"{path}.filter", "Member must have length between 2 and 256");
        }

        if (!FilterPattern().IsMatch(text))
        {
            throw EcrErrors.InvalidParameter($"{path}.filter", "Member must satisfy regular expression pattern: ^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$");
        }

        if (type != "PREFIX_MATCH")
        {
            throw EcrErrors.InvalidParameter($"{path}.filterType", "Member must satisfy enum value set: [PREFIX_MATCH]");
        }

        return text;
    }

    [GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex FilterPattern();
}
