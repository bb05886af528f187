using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>ListImageReferrers: the registry's referrers API in the JSON API's shape (pages of 20 by default, at most 50).</summary>
internal sealed class ReferrerOperations(LocalEcrOptions options, RepositoryStore repositories)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("ListImageReferrers", ListImageReferrersAsync),
    ];

    private async Task<JsonObject> ListImageReferrersAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var subject = call.OptionalObject("subjectId") ?? throw EcrErrors.InvalidParameter("subjectId", "Member must not be null");
        var digest = EcrCall.StringOf(subject["imageDigest"], "imageDigest") ?? throw EcrErrors.InvalidParameter("subjectId.imageDigest", "Member must not be null");
        var filter = call.OptionalObject("filter");
        var artifactTypes = call.OptionalArray("artifactTypes", 0, 5, filter)?.Select(node => EcrCall.StringOf(node, "artifactTypes")).ToHashSet(StringComparer.Ordinal);
        var status = EcrCall.StringOf(filter?["artifactStatus"], "artifactStatus");
        var token = call.OptionalString("nextToken");
        var maxResults = call.OptionalInt("maxResults", 1, 50) ?? 20;

        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        // LocalEcr never archives an image, so every referrer is ACTIVE.
        var referrers = status is "ARCHIVED" or "ACTIVATING"
            ? []
            : ReferrerQuery.Of(record, digest)
                .Where(found => artifactTypes is not { Count: > 0 } || (found.ArtifactType is not null && artifactTypes.Contains(found.ArtifactType)))
                .Select(found => Referrer(found.Image, found.ArtifactType))
                .ToList();
        var (page, next) = PageToken.Slice(referrers, token, maxResults);
        var response = new JsonObject { ["referrers"] = new JsonArray([.. page]) };
        if (next is not null)
        {
            response["nextToken"] = next;
        }

        return response;
    }

    private static JsonObject Referrer(ImageRecord image, string? artifactType)
    {
        var referrer = new JsonObject
        {
            ["digest"] = image.Digest,
            ["mediaType"] = image.ManifestMediaType,
        };
        if (artifactType is not null)
        {
            referrer["artifactType"] = artifactType;
        }

        referrer["size"] = image.ManifestSize;
        if (image.Annotations is { Count: > 0 })
        {
            referrer["annotations"] = new JsonObject(image.Annotations.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));
        }

        referrer["artifactStatus"] = "ACTIVE";
        return referrer;
    }
}
