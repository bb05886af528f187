using System.Text.Json.Nodes;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Reads and validates the repository settings shared by several operations (mutability, filters, resource tags).</summary>
internal static class RepositorySettingsReader
{
    /// <summary>The mutability and its exclusion filters, checked against each other as ECR does.</summary>
    public static (string Mutability, List<TagMutabilityExclusionFilter> Filters) Mutability(EcrCall call, string? fallback)
    {
        var mutability = call.OptionalString("imageTagMutability") ?? fallback
            ?? throw EcrErrors.InvalidParameter("imageTagMutability", "Member must not be null");
        if (!EcrTagMutability.IsValid(mutability))
        {
            throw EcrErrors.InvalidParameter("imageTagMutability", $"Member must satisfy enum value set: [{string.Join(", ", EcrTagMutability.All)}]");
        }

        var filterNodes = call.OptionalArray("imageTagMutabilityExclusionFilters", 1, 5);
        var filters = (filterNodes ?? []).Select(ExclusionFilter).ToList();
        var withExclusion = EcrTagMutability.TakesExclusionFilters(mutability);
        if (withExclusion && filters.Count == 0)
        {
            throw EcrErrors.InvalidParameter($"ImageTagMutabilityExclusionFilters can't be null when imageTagMutability is set as {mutability}");
        }

        if (!withExclusion && filters.Count > 0)
        {
            throw EcrErrors.InvalidParameter($"ImageTagMutabilityExclusionFilters can only be used when imageTagMutability is set as IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, not {mutability}");
        }

        return (mutability, filters);
    }

    /// <summary>Resource tags (<c>Key</c>/<c>Value</c>) with ECR's limits: 50 tags, key 1-128, value 0-256, no <c>aws:</c> keys.</summary>
    public static List<ResourceTag> Tags(EcrCall call, string member, bool required)
    {
        var nodes = call.OptionalArray(member, 0, int.MaxValue);
        if (nodes is null)
        {
            return required ? throw EcrErrors.InvalidParameter(member, "Member must not be null") : [];
        }

        var tags = new List<ResourceTag>();
        foreach (var node in nodes)
        {
            if (node is not JsonObject tag)
            {
                throw EcrErrors.Serialization($"'{member}' entries must be objects");
            }

            var key = EcrCall.StringOf(tag["Key"], "Key");
            var value = EcrCall.StringOf(tag["Value"], "Value");
            if (key is null || key.Length is < 1 or > 128 || value is null || value.Length > 256
                || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new EcrApiException("InvalidTagParameterException", "An invalid parameter was supplied for the tag key or value: keys are 1-128 characters and may not start with 'aws:', values are 0-256 characters and not null.");
            }

            tags.RemoveAll(existing => string.Equals(existing.Key, key, StringComparison.Ordinal));
            tags.Add(new ResourceTag(key, value));
        }

        return tags;
    }

    public static void EnsureTagLimit(int count)
    {
        if (count > 50)
        {
            throw new EcrApiException("TooManyTagsException", "The list of tags on the repository is over the limit. The maximum number of tags that can be applied to a repository is 50.");
        }
    }

    private static TagMutabilityExclusionFilter ExclusionFilter(JsonNode? node)
    {
        if (node is not JsonObject filter)
        {
            throw EcrErrors.Serialization("'imageTagMutabilityExclusionFilters' entries must be objects");
        }

        var type = EcrCall.StringOf(filter["filterType"], "filterType");
        var pattern = EcrCall.StringOf(filter["filter"], "filter");
        if (!string.Equals(type, EcrTagMutabilityExclusionFilter.Wildcard, StringComparison.Ordinal))
        {
            throw EcrErrors.InvalidParameter("imageTagMutabilityExclusionFilters.filterType", "Member must satisfy enum value set: [WILDCARD]");
        }

        if (!EcrTagMutabilityExclusionFilter.IsValid(pattern))
        {
            throw EcrErrors.InvalidParameter("imageTagMutabilityExclusionFilters.filter", $"Member must satisfy regular expression pattern: {EcrTagMutabilityExclusionFilter.PatternText}");
        }

        return new TagMutabilityExclusionFilter(type!, pattern!);
    }
}
