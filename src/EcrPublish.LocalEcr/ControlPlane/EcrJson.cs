using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Writes LocalEcr's records in ECR's response shapes (member names, omitted empties, epoch-second timestamps).</summary>
internal sealed class EcrJson(LocalEcrOptions options)
{
    public string RepositoryArn(string name) => $"arn:aws:ecr:{options.Region}:{options.AccountId}:repository/{name}";

    public JsonObject Repository(RepositoryRecord repository, string host)
    {
        var json = new JsonObject
        {
            ["repositoryArn"] = RepositoryArn(repository.Name),
            ["registryId"] = options.AccountId,
            ["repositoryName"] = repository.Name,
            ["repositoryUri"] = $"{host}/{options.RegistryPathPrefix}{repository.Name}",
            ["createdAt"] = Timestamp(repository.CreatedAt),
            ["imageTagMutability"] = repository.ImageTagMutability,
        };
        if (repository.ImageTagMutabilityExclusionFilters.Count > 0)
        {
            json["imageTagMutabilityExclusionFilters"] = ExclusionFilters(repository.ImageTagMutabilityExclusionFilters);
        }

        json["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = repository.ScanOnPush };
        var encryption = new JsonObject { ["encryptionType"] = repository.EncryptionType };
        if (repository.KmsKey is not null)
        {
            encryption["kmsKey"] = repository.KmsKey;
        }

        json["encryptionConfiguration"] = encryption;
        return json;
    }

    public static JsonArray ExclusionFilters(IEnumerable<TagMutabilityExclusionFilter> filters) =>
        new(filters.Select(filter => (JsonNode)new JsonObject { ["filterType"] = filter.FilterType, ["filter"] = filter.Filter }).ToArray());

    public static JsonArray Tags(IEnumerable<ResourceTag> tags) =>
        new(tags.Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value }).ToArray());

    public static JsonObject ImageId(string? digest, string? tag)
    {
        var json = new JsonObject();
        if (digest is not null)
        {
            json["imageDigest"] = digest;
        }

        if (tag is not null)
        {
            json["imageTag"] = tag;
        }

        return json;
    }

    public JsonObject ImageDetail(RepositoryRecord repository, ImageRecord image, DateTimeOffset now)
    {
        var json = new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = repository.Name,
            ["imageDigest"] = image.Digest,
        };
        var tags = repository.TagsOf(image.Digest).ToList();
        if (tags.Count > 0)
        {
            json["imageTags"] = new JsonArray(tags.Select(tag => (JsonNode)JsonValue.Create(tag)).ToArray());
        }

        json["imageSizeInBytes"] = image.SizeInBytes;
        json["imagePushedAt"] = Timestamp(image.PushedAt);
        json["imageManifestMediaType"] = image.ManifestMediaType;
        if (image.ArtifactMediaType is not null)
        {
            json["artifactMediaType"] = image.ArtifactMediaType;
        }

        if (image.LastPulledAt is { } pulled)
        {
            json["lastRecordedPullTime"] = Timestamp(pulled);
        }

        if (image.SubjectDigest is not null)
        {
            json["subjectManifestDigest"] = image.SubjectDigest;
        }

        if (image.Scan is { } scan)
        {
            json["imageScanStatus"] = ScanJson.StatusAt(scan, now);
            if (scan.IsComplete(now) && scan.Status == "COMPLETE")
            {
                json["imageScanFindingsSummary"] = new JsonObject
                {
                    ["imageScanCompletedAt"] = Timestamp(scan.CompletesAt),
                    ["vulnerabilitySourceUpdatedAt"] = Timestamp(scan.VulnerabilitySourceUpdatedAt),
                    ["findingSeverityCounts"] = ScanJson.SeverityCounts(scan),
                };
            }
        }

        json["imageStatus"] = image.StatusAt(now);
        if (image.LastArchivedAt is { } archived)
        {
            json["lastArchivedAt"] = Timestamp(archived);
        }

        if (image.LastActivatedAt is { } activated)
        {
            json["lastActivatedAt"] = Timestamp(activated);
        }

        return json;
    }

    public static JsonObject ImageFailure(string? digest, string? tag, string code, string reason) => new()
    {
        ["imageId"] = ImageId(digest, tag),
        ["failureCode"] = code,
        ["failureReason"] = reason,
    };

    /// <summary>Epoch seconds with millisecond precision, as a JSON number (awsJson1_1's timestamp format).</summary>
    /// <summary>Sets <paramref name="member"/> only when there is a value: ECR leaves absent members out.</summary>
    public static void Optional(JsonObject json, string member, string? value)
    {
        if (value is not null)
        {
            json[member] = value;
        }
    }

    public static JsonValue Timestamp(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);
}
