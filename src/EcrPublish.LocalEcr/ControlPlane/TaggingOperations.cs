using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>TagResource, UntagResource and ListTagsForResource on repository ARNs.</summary>
internal sealed class TaggingOperations(LocalEcrOptions options, RepositoryStore repositories)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("TagResource", TagResourceAsync),
        new("UntagResource", UntagResourceAsync),
        new("ListTagsForResource", ListTagsForResourceAsync),
    ];

    private async Task<JsonObject> TagResourceAsync(EcrCall call)
    {
        var name = RepositoryOf(call);
        var tags = RepositorySettingsReader.Tags(call, "tags", required: true);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var merged = record.Tags.Where(existing => !tags.Any(tag => string.Equals(tag.Key, existing.Key, StringComparison.Ordinal))).Concat(tags).ToList();
        RepositorySettingsReader.EnsureTagLimit(merged.Count);
        record.Tags = merged;
        handle.Save();
        return [];
    }

    private async Task<JsonObject> UntagResourceAsync(EcrCall call)
    {
        var name = RepositoryOf(call);
        var keys = (call.OptionalArray("tagKeys", 0, 200) ?? throw EcrErrors.InvalidParameter("tagKeys", "Member must not be null"))
            .Select(node => EcrCall.StringOf(node, "tagKeys")).ToHashSet(StringComparer.Ordinal);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        record.Tags = record.Tags.Where(tag => !keys.Contains(tag.Key)).ToList();
        handle.Save();
        return [];
    }

    private async Task<JsonObject> ListTagsForResourceAsync(EcrCall call)
    {
        var name = RepositoryOf(call);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        return new JsonObject { ["tags"] = EcrJson.Tags(record.Tags) };
    }

    private string RepositoryOf(EcrCall call)
    {
        var arn = call.RequiredString("resourceArn");
        var prefix = $"arn:aws:ecr:{options.Region}:{options.AccountId}:repository/";
        var name = arn.StartsWith(prefix, StringComparison.Ordinal) ? arn[prefix.Length..] : null;
        return RepositoryNameRule.IsValid(name) ? name! : throw EcrErrors.InvalidParameter("resourceArn", "Invalid ARN");
    }
}
