using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// Register/Deregister/ListPullTimeUpdateExclusions: the principals whose pulls do not update an image's
/// <c>lastRecordedPullTime</c>, at most 100 per registry
/// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-time-update-exclusions.html).
/// </summary>
internal sealed class PullTimeUpdateExclusionOperations(LocalEcrOptions options, RegistrySettingsStore settings)
{
    private const int MaxExclusions = 100;

    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("RegisterPullTimeUpdateExclusion", RegisterAsync),
        new("DeregisterPullTimeUpdateExclusion", DeregisterAsync),
        new("ListPullTimeUpdateExclusions", ListAsync),
    ];

    private Task<JsonObject> RegisterAsync(EcrCall call)
    {
        var principal = call.RequiredString("principalArn");
        var exclusion = settings.Update(current =>
        {
            if (current.PullTimeUpdateExclusions.Any(existing => existing.PrincipalArn == principal))
            {
                throw new EcrApiException("ExclusionAlreadyExistsException", $"The principal '{principal}' is already excluded from pull time updates in the registry with id '{options.AccountId}'");
            }

            if (current.PullTimeUpdateExclusions.Count >= MaxExclusions)
            {
                throw new EcrApiException("LimitExceededException", $"The registry already has the maximum of {MaxExclusions} pull time update exclusions");
            }

            var exclusion = new PullTimeUpdateExclusion(principal, call.Now);
            current.PullTimeUpdateExclusions.Add(exclusion);
            return exclusion;
        });
        return Task.FromResult(new JsonObject
        {
            ["principalArn"] = exclusion.PrincipalArn,
            ["createdAt"] = EcrJson.Timestamp(exclusion.CreatedAt),
        });
    }

    private Task<JsonObject> DeregisterAsync(EcrCall call)
    {
        var principal = call.RequiredString("principalArn");
        settings.Update(current => current.PullTimeUpdateExclusions.RemoveAll(existing => existing.PrincipalArn == principal) > 0
            ? true
            : throw new EcrApiException("ExclusionNotFoundException", $"The principal '{principal}' is not excluded from pull time updates in the registry with id '{options.AccountId}'"));
        return Task.FromResult(new JsonObject { ["principalArn"] = principal });
    }

    private Task<JsonObject> ListAsync(EcrCall call)
    {
        var principals = settings.Current.PullTimeUpdateExclusions.Select(exclusion => exclusion.PrincipalArn).ToList();
        var (page, next) = PageToken.Slice(principals, call.OptionalString("nextToken"), call.OptionalInt("maxResults", 1, 1000));
        var result = new JsonObject { ["pullTimeUpdateExclusions"] = new JsonArray(page.Select(arn => (JsonNode)arn).ToArray()) };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return Task.FromResult(result);
    }
}
