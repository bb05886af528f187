using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>Finds the image an <see cref="ImageIdentifier"/> names, or says (in ECR's failure shape) why it cannot.</summary>
internal static class ImageLookup
{
    /// <summary>The image the call's <c>repositoryName</c> and <c>imageId</c> name, or ECR's not-found error for the repository or image.</summary>
    public static async Task<(string Name, ImageIdentifier Id, ImageRecord Image)> RequireAsync(EcrCall call, RepositoryStore repositories, string registryId)
    {
        var name = call.RepositoryName();
        var id = ImageIdentifier.From(call.OptionalObject("imageId") ?? throw EcrErrors.InvalidParameter("imageId", "Member must not be null"));
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, registryId);
        return (name, id, Find(record, id) ?? throw EcrErrors.ImageNotFound(id.Digest, id.Tag, name, registryId));
    }

    /// <summary>The BatchGetImage/BatchDeleteImage failure for an id that cannot be served, or null when it can.</summary>
    public static JsonObject? Failure(RepositoryRecord record, ImageIdentifier id)
    {
        if (id.Digest is null && id.Tag is null)
        {
            return EcrJson.ImageFailure(null, null, "MissingDigestAndTag", "Invalid request parameters: both tag and digest cannot be null");
        }

        if (id.Digest is not null && !DigestRule.IsWellFormed(id.Digest))
        {
            return EcrJson.ImageFailure(id.Digest, id.Tag, "InvalidImageDigest", "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'");
        }

        if (id.Tag is { Length: < 1 or > 300 })
        {
            return EcrJson.ImageFailure(id.Digest, id.Tag, "InvalidImageTag", "Invalid request parameters: image tag must be 1-300 characters");
        }

        if (id.Digest is not null && id.Tag is not null && record.ImageTags.TryGetValue(id.Tag, out var tagged)
            && !string.Equals(tagged, id.Digest, StringComparison.Ordinal) && record.Images.ContainsKey(id.Digest))
        {
            return EcrJson.ImageFailure(id.Digest, id.Tag, "ImageTagDoesNotMatchDigest", "Invalid request parameters: given tag does not match the image digest");
        }

        return Find(record, id) is null ? EcrJson.ImageFailure(id.Digest, id.Tag, "ImageNotFound", "Requested image not found") : null;
    }

    public static ImageRecord? Find(RepositoryRecord record, ImageIdentifier id)
    {
        var digest = id.Digest ?? (id.Tag is null ? null : record.ImageTags.GetValueOrDefault(id.Tag));
        if (digest is null || !record.Images.TryGetValue(digest, out var image))
        {
            return null;
        }

        return id.Tag is null || string.Equals(record.ImageTags.GetValueOrDefault(id.Tag), digest, StringComparison.Ordinal) ? image : null;
    }
}
