using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// Managed signing: Put/Get/DeleteSigningConfiguration (the registry's rules, stored in its settings) and
/// DescribeImageSigningStatus (what <see cref="Signing.ImageSigner"/> recorded when the image was pushed).
/// </summary>
internal sealed class SigningOperations(LocalEcrOptions options, RepositoryStore repositories, RegistrySettingsStore settings)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("PutSigningConfiguration", PutAsync),
        new("GetSigningConfiguration", GetAsync),
        new("DeleteSigningConfiguration", DeleteAsync),
        new("DescribeImageSigningStatus", DescribeImageSigningStatusAsync),
    ];

    private Task<JsonObject> PutAsync(EcrCall call)
    {
        // The model has checked every member (at most 10 rules, 1..100 filters, the ARN and filter patterns, WILDCARD_MATCH).
        var configuration = call.OptionalObject("signingConfiguration")!;
        var rules = call.OptionalArray("rules", 0, int.MaxValue, configuration)!.Select(node => new SigningRule
        {
            SigningProfileArn = EcrCall.StringOf(node!["signingProfileArn"], "signingProfileArn")!,
            RepositoryFilters = (node["repositoryFilters"] as JsonArray)?.Select(filter => EcrCall.StringOf(filter!["filter"], "filter")!).ToList(),
        }).ToList();
        settings.Update(current => current.SigningRules = rules);
        return Task.FromResult(new JsonObject { ["signingConfiguration"] = Configuration(rules) });
    }

    private Task<JsonObject> GetAsync(EcrCall call) =>
        Task.FromResult(Answer(settings.Current.SigningRules ?? throw NotFound()));

    private Task<JsonObject> DeleteAsync(EcrCall call)
    {
        var rules = settings.Update(current =>
        {
            var rules = current.SigningRules ?? throw NotFound();
            current.SigningRules = null;
            return rules;
        });
        return Task.FromResult(Answer(rules));
    }

    private async Task<JsonObject> DescribeImageSigningStatusAsync(EcrCall call)
    {
        var (name, id, image) = await ImageLookup.RequireAsync(call, repositories, options.AccountId);
        return new JsonObject
        {
            ["repositoryName"] = name,
            ["imageId"] = EcrJson.ImageId(image.Digest, id.Tag),
            ["registryId"] = options.AccountId,
            ["signingStatuses"] = new JsonArray(image.SigningStatuses.Select(status => (JsonNode)Status(status, call.Now)).ToArray()),
        };
    }

    private JsonObject Answer(List<SigningRule> rules) => new()
    {
        ["registryId"] = options.AccountId,
        ["signingConfiguration"] = Configuration(rules),
    };

    private static JsonObject Configuration(List<SigningRule> rules) => new()
    {
        ["rules"] = new JsonArray(rules.Select(rule =>
        {
            var json = new JsonObject { ["signingProfileArn"] = rule.SigningProfileArn };
            if (rule.RepositoryFilters is not null)
            {
                json["repositoryFilters"] = new JsonArray(rule.RepositoryFilters
                    .Select(filter => (JsonNode)new JsonObject { ["filter"] = filter, ["filterType"] = "WILDCARD_MATCH" }).ToArray());
            }

            return (JsonNode)json;
        }).ToArray()),
    };

    private static JsonObject Status(ImageSigningStatus status, DateTimeOffset now)
    {
        var json = new JsonObject { ["signingProfileArn"] = status.SigningProfileArn };
        if (now < status.CompletesAt)
        {
            json["status"] = "IN_PROGRESS";
            return json;
        }

        if (status.FailureCode is not null)
        {
            json["failureCode"] = status.FailureCode;
            json["failureReason"] = status.FailureReason;
        }

        json["status"] = status.Status;
        return json;
    }

    private EcrApiException NotFound() =>
        new("SigningConfigurationNotFoundException", $"The signing configuration does not exist in the registry with id '{options.AccountId}'");
}
