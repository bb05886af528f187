using System.Text.Json.Nodes;
using EcrPublish.Lifecycle;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// PutLifecyclePolicy, GetLifecyclePolicy, DeleteLifecyclePolicy, StartLifecyclePolicyPreview and
/// GetLifecyclePolicyPreview. Policies are checked by EcrPublish.Ecr's <see cref="LifecyclePolicyValidator"/> (ECR's messages) and
/// previews computed by EcrPublish.Ecr's <see cref="LifecyclePolicyEvaluator"/>, the same code that runs the policy for real.
/// </summary>
internal sealed class LifecycleOperations(LocalEcrOptions options, RepositoryStore repositories)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("PutLifecyclePolicy", PutLifecyclePolicyAsync),
        new("GetLifecyclePolicy", GetLifecyclePolicyAsync),
        new("DeleteLifecyclePolicy", DeleteLifecyclePolicyAsync),
        new("StartLifecyclePolicyPreview", StartLifecyclePolicyPreviewAsync),
        new("GetLifecyclePolicyPreview", GetLifecyclePolicyPreviewAsync),
    ];

    private async Task<JsonObject> PutLifecyclePolicyAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var text = call.RequiredString("lifecyclePolicyText");
        Validate(text);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        record.LifecyclePolicyText = text;
        handle.Save();
        return new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["lifecyclePolicyText"] = text,
        };
    }

    private async Task<JsonObject> GetLifecyclePolicyAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        return PolicyResponse(record, record.LifecyclePolicyText ?? throw PolicyNotFound());
    }

    private async Task<JsonObject> DeleteLifecyclePolicyAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var response = PolicyResponse(record, record.LifecyclePolicyText ?? throw PolicyNotFound());
        record.LifecyclePolicyText = null;
        handle.Save();
        return response;
    }

    private async Task<JsonObject> StartLifecyclePolicyPreviewAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var givenText = call.OptionalString("lifecyclePolicyText");
        if (givenText is not null)
        {
            Validate(givenText);
        }

        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var text = givenText ?? record.LifecyclePolicyText ?? throw PolicyNotFound();
        if (record.LifecyclePreview is { } running && !running.IsComplete(call.Now))
        {
            throw new EcrApiException(LifecyclePolicyMessages.LifecyclePolicyPreviewInProgressException, LifecyclePolicyMessages.PreviewInProgress);
        }

        // A stored policy was valid when it was put, and the validator has not changed since.
        var policy = LifecyclePolicyValidator.Validate(text).Policy!;
        var preview = LifecyclePolicyEvaluator.Evaluate(policy, LifecycleImages.Of(record), call.Now);
        record.LifecyclePreview = new LifecyclePreviewRecord
        {
            PolicyText = text,
            StartedAt = call.Now,
            CompletesAt = call.Now + options.LifecyclePreviewDuration,
            Results = preview.Results.ToList(),
            Summary = preview.Summary,
        };
        handle.Save();
        return new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["lifecyclePolicyText"] = text,
            ["status"] = "IN_PROGRESS",
        };
    }

    private async Task<JsonObject> GetLifecyclePolicyPreviewAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var requested = ImageIdentifier.ListFrom(call, required: false);
        var token = call.OptionalString("nextToken");
        var maxResults = call.OptionalInt("maxResults", 1, 100);
        if (requested.Count > 0 && (token is not null || maxResults is not null))
        {
            throw EcrErrors.InvalidParameter("Invalid parameter: nextToken and maxResults cannot be used with imageIds");
        }

        var tagStatus = TagStatusFilter.Read(call);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var preview = record.LifecyclePreview
            ?? throw new EcrApiException(LifecyclePolicyMessages.LifecyclePolicyPreviewNotFoundException, LifecyclePolicyMessages.PreviewNotFound);
        var response = new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["lifecyclePolicyText"] = preview.PolicyText,
        };
        if (!preview.IsComplete(call.Now))
        {
            response["status"] = "IN_PROGRESS";
            response["previewResults"] = new JsonArray();
            return response;
        }

        var selected = preview.Results
            .Where(result => requested.Count == 0 || requested.Any(id => Names(id, result)))
            .Where(result => TagStatusFilter.Matches(tagStatus, result.ImageTags.Count > 0))
            .ToList();
        var (page, next) = PageToken.Slice(selected, token, maxResults);
        response["status"] = "COMPLETE";
        if (next is not null)
        {
            response["nextToken"] = next;
        }

        response["previewResults"] = new JsonArray(page.Select(result => (JsonNode)LifecyclePreviewJson.Result(result)).ToArray());
        response["summary"] = LifecyclePreviewJson.Summary(preview.Summary);
        return response;
    }

    private JsonObject PolicyResponse(RepositoryRecord record, string text)
    {
        var response = new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = record.Name,
            ["lifecyclePolicyText"] = text,
        };
        if (record.LifecycleLastEvaluatedAt is { } evaluated)
        {
            response["lastEvaluatedAt"] = EcrJson.Timestamp(evaluated);
        }

        return response;
    }

    private static bool Names(ImageIdentifier id, LifecyclePreviewResult result) =>
        (id.Digest is null || string.Equals(id.Digest, result.ImageDigest, StringComparison.Ordinal))
        && (id.Tag is null || result.ImageTags.Contains(id.Tag, StringComparer.Ordinal))
        && (id.Digest is not null || id.Tag is not null);

    /// <summary>Refuses a lifecycle policy ECR would refuse, with ECR's message; also for repository creation templates.</summary>
    internal static void Validate(string text)
    {
        var validation = LifecyclePolicyValidator.Validate(text);
        if (!validation.IsValid)
        {
            throw new EcrApiException(LifecyclePolicyMessages.InvalidParameterException, validation.EcrMessage!);
        }
    }

    private static EcrApiException PolicyNotFound() =>
        new(LifecyclePolicyMessages.LifecyclePolicyNotFoundException, LifecyclePolicyMessages.PolicyNotFound);
}
