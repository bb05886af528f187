using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Scanning;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>BatchGetRepositoryScanningConfiguration: which scan frequency and registry filters apply to each repository.</summary>
internal sealed class RepositoryScanningOperations(LocalEcrOptions options, RepositoryStore repositories, RegistrySettingsStore registry, EcrJson json)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("BatchGetRepositoryScanningConfiguration", BatchGetAsync),
    ];

    private async Task<JsonObject> BatchGetAsync(EcrCall call)
    {
        var names = (call.OptionalArray("repositoryNames", 1, 25) ?? throw EcrErrors.InvalidParameter("repositoryNames", "Member must not be null"))
            .Select(node => EcrCall.StringOf(node, "repositoryNames") ?? throw EcrErrors.InvalidParameter("repositoryNames", "Member must not be null"))
            .ToList();
        foreach (var name in names)
        {
            if (RepositoryNameRule.Violation(name) is { } violation)
            {
                throw EcrErrors.InvalidParameter("repositoryNames.member", violation);
            }
        }

        var settings = registry.Current;
        var configurations = new JsonArray();
        var failures = new JsonArray();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            using var handle = await repositories.LockAsync(name, call.CancellationToken);
            if (handle.Record is null)
            {
                failures.Add(new JsonObject
                {
                    ["repositoryName"] = name,
                    ["failureCode"] = "REPOSITORY_NOT_FOUND",
                    ["failureReason"] = EcrErrors.RepositoryNotFound(name, options.AccountId).Message,
                });
                continue;
            }

            var frequency = RepositoryScanFrequency.Of(settings, handle.Record);
            configurations.Add(new JsonObject
            {
                ["repositoryArn"] = json.RepositoryArn(name),
                ["repositoryName"] = name,
                ["scanOnPush"] = frequency.ScanOnPush,
                ["scanFrequency"] = frequency.Frequency,
                ["appliedScanFilters"] = new JsonArray(frequency.AppliedFilters.Select(filter => (JsonNode)new JsonObject
                {
                    ["filter"] = filter,
                    ["filterType"] = "WILDCARD",
                }).ToArray()),
            });
        }

        return new JsonObject { ["scanningConfigurations"] = configurations, ["failures"] = failures };
    }
}
