using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.PullThrough;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Create/Describe/Update/Delete/ValidatePullThroughCacheRule, with ECR's constraints (see docs/localecr.md).</summary>
internal sealed partial class PullThroughCacheOperations(LocalEcrOptions options, RegistrySettingsStore settings)
{
    private const int MaxRules = 50;

    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("CreatePullThroughCacheRule", CreateAsync),
        new("DescribePullThroughCacheRules", DescribeAsync),
        new("UpdatePullThroughCacheRule", UpdateAsync),
        new("DeletePullThroughCacheRule", DeleteAsync),
        new("ValidatePullThroughCacheRule", ValidateAsync),
    ];

    private Task<JsonObject> CreateAsync(EcrCall call)
    {
        var prefix = Prefix(call, "ecrRepositoryPrefix");
        var url = call.RequiredString("upstreamRegistryUrl");
        var kind = UpstreamRegistryRule.KindOf(url)
            ?? throw new EcrApiException("UnsupportedUpstreamRegistryException", $"The specified upstream registry '{url}' isn't supported.");
        var declared = call.OptionalString("upstreamRegistry");
        if (declared is not null && kind.Length > 0 && declared != kind)
        {
            throw EcrErrors.InvalidParameter("upstreamRegistry", $"The upstream registry URL '{url}' is not a '{declared}' registry");
        }

        var credential = CredentialArn(call);
        if (credential is null && UpstreamRegistryRule.NeedsCredential(kind))
        {
            throw EcrErrors.InvalidParameter("credentialArn", $"A credentialArn is required for upstream registry '{url}'");
        }

        var upstreamPrefix = call.OptionalString("upstreamRepositoryPrefix") is null ? "ROOT" : Prefix(call, "upstreamRepositoryPrefix");
        var rule = new PullThroughCacheRule
        {
            EcrRepositoryPrefix = prefix,
            UpstreamRegistryUrl = url,
            UpstreamRegistry = kind.Length > 0 ? kind : declared,
            CredentialArn = credential,
            CustomRoleArn = call.OptionalString("customRoleArn"),
            UpstreamRepositoryPrefix = upstreamPrefix,
            CreatedAt = call.Now,
        };
        settings.Update(current =>
        {
            if (current.PullThroughCacheRules.Any(existing => existing.EcrRepositoryPrefix == prefix))
            {
                throw new EcrApiException("PullThroughCacheRuleAlreadyExistsException", $"A pull through cache rule with the prefix '{prefix}' already exists in the registry with id '{options.AccountId}'");
            }

            if (current.PullThroughCacheRules.Count >= MaxRules)
            {
                throw new EcrApiException("LimitExceededException", $"The registry already has the maximum of {MaxRules} pull through cache rules");
            }

            current.PullThroughCacheRules.Add(rule);
            return rule;
        });
        return Task.FromResult(Json(rule));
    }

    private Task<JsonObject> DescribeAsync(EcrCall call)
    {
        var rules = settings.Current.PullThroughCacheRules;
        var wanted = call.OptionalArray("ecrRepositoryPrefixes", 1, 100)?.Select(node => Normalize(EcrCall.StringOf(node, "ecrRepositoryPrefixes") ?? string.Empty)).ToList();
        if (wanted is not null)
        {
            rules = wanted.Select(prefix => rules.FirstOrDefault(rule => rule.EcrRepositoryPrefix == prefix) ?? throw NotFound(prefix)).ToList();
        }

        var (page, next) = PageToken.Slice(rules, call.OptionalString("nextToken"), call.OptionalInt("maxResults", 1, 1000));
        var result = new JsonObject { ["pullThroughCacheRules"] = new JsonArray(page.Select(rule => (JsonNode)Json(rule)).ToArray()) };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return Task.FromResult(result);
    }

    private Task<JsonObject> UpdateAsync(EcrCall call)
    {
        var prefix = Prefix(call, "ecrRepositoryPrefix");
        var credential = CredentialArn(call);
        var role = call.OptionalString("customRoleArn");
        var rule = settings.Update(current =>
        {
            var rule = current.PullThroughCacheRules.FirstOrDefault(existing => existing.EcrRepositoryPrefix == prefix) ?? throw NotFound(prefix);
            rule.CredentialArn = credential ?? rule.CredentialArn;
            rule.CustomRoleArn = role ?? rule.CustomRoleArn;
            rule.UpdatedAt = call.Now;
            return rule;
        });
        return Task.FromResult(new JsonObject
        {
            ["ecrRepositoryPrefix"] = rule.EcrRepositoryPrefix,
            ["registryId"] = options.AccountId,
            ["updatedAt"] = EcrJson.Timestamp(rule.UpdatedAt!.Value),
            ["credentialArn"] = rule.CredentialArn,
            ["customRoleArn"] = rule.CustomRoleArn,
            ["upstreamRepositoryPrefix"] = rule.UpstreamRepositoryPrefix,
        });
    }

    private Task<JsonObject> DeleteAsync(EcrCall call)
    {
        var prefix = Prefix(call, "ecrRepositoryPrefix");
        var rule = settings.Update(current =>
        {
            var rule = current.PullThroughCacheRules.FirstOrDefault(existing => existing.EcrRepositoryPrefix == prefix) ?? throw NotFound(prefix);
            current.PullThroughCacheRules.Remove(rule);
            return rule;
        });
        return Task.FromResult(Json(rule));
    }

    private async Task<JsonObject> ValidateAsync(EcrCall call)
    {
        var prefix = Prefix(call, "ecrRepositoryPrefix");
        var rule = settings.Current.PullThroughCacheRules.FirstOrDefault(existing => existing.EcrRepositoryPrefix == prefix) ?? throw NotFound(prefix);
        var (valid, failure) = UpstreamRegistryRule.IsLoopback(rule.UpstreamRegistryUrl)
            ? await UpstreamRegistryClient.ProbeAsync(rule.UpstreamRegistryUrl, call.CancellationToken)
            : (false, "LocalEcr only reaches loopback upstream registries");
        var result = Json(rule);
        result.Remove("createdAt");
        result.Remove("upstreamRegistry");
        result.Remove("updatedAt");
        result["isValid"] = valid;
        if (failure is not null)
        {
            result["failure"] = failure;
        }

        return result;
    }

    private JsonObject Json(PullThroughCacheRule rule)
    {
        var json = new JsonObject
        {
            ["ecrRepositoryPrefix"] = rule.EcrRepositoryPrefix,
            ["upstreamRegistryUrl"] = rule.UpstreamRegistryUrl,
            ["createdAt"] = EcrJson.Timestamp(rule.CreatedAt),
            ["registryId"] = options.AccountId,
            ["upstreamRepositoryPrefix"] = rule.UpstreamRepositoryPrefix,
        };
        EcrJson.Optional(json, "upstreamRegistry", rule.UpstreamRegistry);
        EcrJson.Optional(json, "credentialArn", rule.CredentialArn);
        EcrJson.Optional(json, "customRoleArn", rule.CustomRoleArn);
        if (rule.UpdatedAt is { } updated)
        {
            json["updatedAt"] = EcrJson.Timestamp(updated);
        }

        return json;
    }

    private EcrApiException NotFound(string prefix) =>
        new("PullThroughCacheRuleNotFoundException", $"The pull through cache rule with the prefix '{prefix}' does not exist in the registry with id '{options.AccountId}'");

    private static string Prefix(EcrCall call, string member)
    {
        var prefix = call.RequiredString(member);
        if (!EcrPullThroughCachePrefix.HasValidLength(prefix))
        {
            throw EcrErrors.InvalidParameter(member, $"Member must have length between {EcrPullThroughCachePrefix.MinLength} and {EcrPullThroughCachePrefix.MaxLength}");
        }

        return EcrPullThroughCachePrefix.MatchesPattern(prefix)
            ? Normalize(prefix)
            : throw EcrErrors.InvalidParameter(member, $"Member must satisfy regular expression pattern: {EcrPullThroughCachePrefix.PatternText}");
    }

    // "There is always an assumed / applied to the end of the prefix": 'docker-hub' and 'docker-hub/' are one rule.
    private static string Normalize(string prefix) => prefix.TrimEnd('/');

    private static string? CredentialArn(EcrCall call)
    {
        var arn = call.OptionalString("credentialArn");
        if (arn is null)
        {
            return null;
        }

        if (arn.Length is < 50 or > 612 || !CredentialArnPattern().IsMatch(arn))
        {
            throw EcrErrors.InvalidParameter("credentialArn", @"Member must satisfy regular expression pattern: ^arn:aws(-\w+)*:secretsmanager:[a-zA-Z0-9-:]+:secret:ecr\-pullthroughcache\/[a-zA-Z0-9\/_+=.@-]+$ and have length between 50 and 612");
        }

        return arn;
    }

    [GeneratedRegex(@"^arn:aws(-\w+)*:secretsmanager:[a-zA-Z0-9-:]+:secret:ecr\-pullthroughcache\/[a-zA-Z0-9\/_+=.@-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialArnPattern();
}
