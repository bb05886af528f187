using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Limits;
using EcrPublish.LocalEcr.Replication;
using EcrPublish.LocalEcr.Signing;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Templates;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>PutImage and BatchDeleteImage.</summary>
internal sealed class ImageWriteOperations(LocalEcrOptions options, RepositoryStore repositories, ImageCatalog catalog, PutImageThrottle throttle, ImageReplicator replicator, RepositoryCreator creator, ImageSigner signer)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("PutImage", PutImageAsync),
        new("BatchDeleteImage", BatchDeleteImageAsync),
    ];

    private async Task<JsonObject> PutImageAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var manifestText = call.RequiredString("imageManifest");
        if (manifestText.Length is < 1 or > 4_194_304)
        {
            throw EcrErrors.InvalidParameter("imageManifest", "Member must have length between 1 and 4194304");
        }

        var declaredMediaType = call.OptionalString("imageManifestMediaType");
        var tag = call.OptionalString("imageTag");
        if (tag is { Length: < 1 or > 300 })
        {
            throw EcrErrors.InvalidParameter("imageTag", "Member must have length between 1 and 300");
        }

        if (tag is not null && !TagRule.IsValidPutImageTag(tag))
        {
            throw EcrErrors.InvalidParameter("imageTag", "Member must satisfy regular expression '[A-Za-z0-9_][A-Za-z0-9_.-]*' (no spaces, line breaks or other characters)");
        }

        var declaredDigest = call.OptionalString("imageDigest");
        var manifest = Encoding.UTF8.GetBytes(manifestText);
        ManifestFacts facts;
        try
        {
            facts = ManifestReader.Read(manifest, declaredMediaType);
        }
        catch (ManifestInvalidException invalid)
        {
            throw EcrErrors.InvalidParameter("imageManifest", invalid.Message);
        }

        var digest = BlobStore.DigestOf(manifest);
        if (declaredDigest is not null && !string.Equals(declaredDigest, digest, StringComparison.Ordinal))
        {
            throw new EcrApiException("ImageDigestDoesNotMatchException", $"The specified image digest '{declaredDigest}' does not match the digest that Amazon ECR calculated for the image manifest, '{digest}'.");
        }

        if (!throttle.TryAcquire())
        {
            throw new EcrApiException("ThrottlingException", "Rate exceeded");
        }

        using (var handle = await repositories.LockAsync(name, call.CancellationToken))
        {
            creator.CreateOnPush(handle, call.Now);
            Store(handle, name, manifest, facts, tag, digest, call.Now);
        }

        await signer.SignAsync(name, digest, call.CancellationToken);
        await replicator.ReplicateAsync(name, digest, tag, call.CancellationToken);
        return new JsonObject
        {
            ["image"] = new JsonObject
            {
                ["registryId"] = options.AccountId,
                ["repositoryName"] = name,
                ["imageId"] = EcrJson.ImageId(digest, tag),
                ["imageManifest"] = manifestText,
                ["imageManifestMediaType"] = facts.MediaType,
            },
        };
    }

    private void Store(RepositoryHandle handle, string name, byte[] manifest, ManifestFacts facts, string? tag, string digest, DateTimeOffset now)
    {
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var result = catalog.Put(record, manifest, facts, tag, now);
        switch (result.Outcome)
        {
            case ManifestPutOutcome.MissingBlobs:
                throw new EcrApiException("LayersNotFoundException", $"Layers with digests '[{string.Join(", ", result.Missing)}]' required for pushing image into repository with name '{name}' in the registry with id '{options.AccountId}' do not exist");
            case ManifestPutOutcome.MissingManifests:
                throw new EcrApiException("ReferencedImagesNotFoundException", $"The manifest list is referencing an image that does not exist: '[{string.Join(", ", result.Missing)}]'");
            case ManifestPutOutcome.AlreadyExists:
                throw new EcrApiException("ImageAlreadyExistsException", $"Image with digest '{digest}' and tag '{tag ?? "null"}' already exists in the repository with name '{name}' in registry with id '{options.AccountId}'");
            case ManifestPutOutcome.TagImmutable:
                throw new EcrApiException("ImageTagAlreadyExistsException", $"The image tag '{tag}' already exists in the '{name}' repository and cannot be overwritten because the tag is immutable.");
        }

        handle.Save();
    }

    private async Task<JsonObject> BatchDeleteImageAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var requested = ImageIdentifier.ListFrom(call, required: true);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var deleted = new JsonArray();
        var failures = new JsonArray();
        foreach (var id in requested)
        {
            var failure = ImageLookup.Failure(record, id);
            var image = failure is null ? ImageLookup.Find(record, id) : null;
            if (image is null)
            {
                failures.Add(failure);
                continue;
            }

            if (id.Tag is not null)
            {
                ImageCatalog.Untag(record, id.Tag);
                deleted.Add(EcrJson.ImageId(image.Digest, id.Tag));
                continue;
            }

            if (ImageCatalog.IsReferencedByIndex(record, image.Digest))
            {
                failures.Add(EcrJson.ImageFailure(id.Digest, null, "ImageReferencedByManifestList", "Requested image is referenced by an image index (manifest list); delete the index first"));
                continue;
            }

            var tags = record.TagsOf(image.Digest).ToList();
            ImageCatalog.DeleteImage(record, image.Digest);
            if (tags.Count == 0)
            {
                deleted.Add(EcrJson.ImageId(image.Digest, null));
            }

            foreach (var tag in tags)
            {
                deleted.Add(EcrJson.ImageId(image.Digest, tag));
            }
        }

        handle.Save();
        return new JsonObject { ["imageIds"] = deleted, ["failures"] = failures };
    }
}
