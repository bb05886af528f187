using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// UpdateImageStorageClass: moves an image to the archive storage class (ARCHIVE) or restores it (STANDARD). An archived
/// image stays listed with imageStatus ARCHIVED but cannot be pulled; a restored one is ACTIVATING for
/// <see cref="LocalEcrOptions.ImageRestoreDuration"/>, then ACTIVE. See
/// https://docs.aws.amazon.com/AmazonECR/latest/userguide/archive_restore_image.html.
/// </summary>
internal sealed class StorageClassOperations(LocalEcrOptions options, RepositoryStore repositories)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("UpdateImageStorageClass", UpdateImageStorageClassAsync),
    ];

    private async Task<JsonObject> UpdateImageStorageClassAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var id = ImageIdentifier.From(call.OptionalObject("imageId"));
        var target = call.RequiredString("targetStorageClass");
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var image = ImageLookup.Find(record, id) ?? throw EcrErrors.ImageNotFound(id.Digest, id.Tag, name, options.AccountId);
        var status = image.StatusAt(call.Now);
        if (target == "ARCHIVE")
        {
            if (status != "ACTIVE")
            {
                throw NotSupported(image.Digest, status, target);
            }

            image.Archived = true;
            image.LastArchivedAt = call.Now;
            image.ActivatingUntil = null;
        }
        else
        {
            if (status != "ARCHIVED")
            {
                throw NotSupported(image.Digest, status, target);
            }

            image.Archived = false;
            image.LastActivatedAt = call.Now;
            image.ActivatingUntil = call.Now + options.ImageRestoreDuration;
        }

        handle.Save();
        return new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["imageId"] = EcrJson.ImageId(image.Digest, id.Tag),
            ["imageStatus"] = image.StatusAt(call.Now),
        };
    }

    private static EcrApiException NotSupported(string digest, string status, string target) =>
        new("ImageStorageClassUpdateNotSupportedException", $"The image with digest '{digest}' is {status}; it cannot be moved to the {target} storage class now.");
}
