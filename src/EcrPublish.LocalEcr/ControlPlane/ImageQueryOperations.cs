using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>ListImages, DescribeImages and BatchGetImage.</summary>
internal sealed class ImageQueryOperations(LocalEcrOptions options, RepositoryStore repositories, BlobStore blobs, EcrJson json, PullTimeRecorder pullTimes)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("ListImages", ListImagesAsync),
        new("DescribeImages", DescribeImagesAsync),
        new("BatchGetImage", BatchGetImageAsync),
    ];

    private async Task<JsonObject> ListImagesAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var tagStatus = TagStatusFilter.Read(call);
        var imageStatus = ImageStatusFilter.Read(call);
        var token = call.OptionalString("nextToken");
        var maxResults = call.OptionalInt("maxResults", 1, 1000);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var ids = new List<JsonObject>();
        foreach (var image in InPushOrder(record).Where(image => ImageStatusFilter.Matches(imageStatus, image, call.Now)))
        {
            var tags = record.TagsOf(image.Digest).ToList();
            if (tags.Count == 0 && tagStatus != "TAGGED")
            {
                ids.Add(EcrJson.ImageId(image.Digest, null));
            }
            else if (tags.Count > 0 && tagStatus != "UNTAGGED")
            {
                ids.AddRange(tags.Select(tag => EcrJson.ImageId(image.Digest, tag)));
            }
        }

        var (page, next) = PageToken.Slice(ids, token, maxResults);
        var response = new JsonObject { ["imageIds"] = new JsonArray(page.Cast<JsonNode>().ToArray()) };
        if (next is not null)
        {
            response["nextToken"] = next;
        }

        return response;
    }

    private async Task<JsonObject> DescribeImagesAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var requested = ImageIdentifier.ListFrom(call, required: false);
        var tagStatus = TagStatusFilter.Read(call);
        var imageStatus = ImageStatusFilter.Read(call);
        var token = call.OptionalString("nextToken");
        var maxResults = call.OptionalInt("maxResults", 1, 1000);
        if (requested.Count > 0 && (token is not null || maxResults is not null))
        {
            throw EcrErrors.InvalidParameter("Invalid parameter: nextToken and maxResults cannot be used with imageIds");
        }

        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var response = new JsonObject();
        List<ImageRecord> images;
        if (requested.Count > 0)
        {
            images = requested
                .Select(id => ImageLookup.Find(record, id) ?? throw EcrErrors.ImageNotFound(id.Digest, id.Tag, name, options.AccountId))
                .DistinctBy(image => image.Digest)
                .ToList();
        }
        else
        {
            var all = InPushOrder(record)
                .Where(image => TagStatusFilter.Matches(tagStatus, record.TagsOf(image.Digest).Any()) && ImageStatusFilter.Matches(imageStatus, image, call.Now))
                .ToList();
            (images, var next) = PageToken.Slice(all, token, maxResults);
            if (next is not null)
            {
                response["nextToken"] = next;
            }
        }

        response["imageDetails"] = new JsonArray(images.Select(image => (JsonNode)json.ImageDetail(record, image, call.Now)).ToArray());
        return response;
    }

    private async Task<JsonObject> BatchGetImageAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var requested = ImageIdentifier.ListFrom(call, required: true);
        var accepted = call.OptionalArray("acceptedMediaTypes", 1, 100)?.Select(node => EcrCall.StringOf(node, "acceptedMediaTypes")).ToHashSet(StringComparer.Ordinal);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var images = new JsonArray();
        var failures = new JsonArray();
        foreach (var id in requested)
        {
            var failure = ImageLookup.Failure(record, id);
            if (failure is not null)
            {
                failures.Add(failure);
                continue;
            }

            var image = ImageLookup.Find(record, id)!;
            if (image.StatusAt(call.Now) != "ACTIVE")
            {
                // Archived images cannot be pulled (ECR user guide, archiving an image), nor images still being restored.
                failures.Add(EcrJson.ImageFailure(id.Digest, id.Tag, "ImageNotFound", $"Requested image not found: it is {image.StatusAt(call.Now)}; restore it with UpdateImageStorageClass"));
                continue;
            }

            if (accepted is not null && !accepted.Contains(image.ManifestMediaType))
            {
                // Real ECR may convert between manifest formats here; LocalEcr stores exact bytes and never converts.
                failures.Add(EcrJson.ImageFailure(id.Digest, id.Tag, "ImageNotFound", $"Requested image not found: its manifest media type '{image.ManifestMediaType}' is not in acceptedMediaTypes"));
                continue;
            }

            pullTimes.Record(image, call.Now);
            images.Add(new JsonObject
            {
                ["registryId"] = options.AccountId,
                ["repositoryName"] = name,
                ["imageId"] = EcrJson.ImageId(image.Digest, id.Tag),
                ["imageManifest"] = Encoding.UTF8.GetString(blobs.ReadAllBytes(image.Digest)),
                ["imageManifestMediaType"] = image.ManifestMediaType,
            });
        }

        if (images.Count > 0)
        {
            handle.Save();
        }

        return new JsonObject { ["images"] = images, ["failures"] = failures };
    }

    private static IEnumerable<ImageRecord> InPushOrder(RepositoryRecord record) =>
        record.Images.Values.OrderBy(image => image.PushedAt).ThenBy(image => image.Digest, StringComparer.Ordinal);
}
