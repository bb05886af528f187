using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Auth;
using EcrPublish.LocalEcr.Regions;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>
/// ECR's layer API, which SDK-based pushers use instead of the registry's <c>/v2/</c> uploads: InitiateLayerUpload,
/// UploadLayerPart, CompleteLayerUpload, BatchCheckLayerAvailability and GetDownloadUrlForLayer. Uploads are the
/// registry's upload sessions (same store, same expiry and sweeping) and finished layers land in the same blob store,
/// so a layer pushed either way is visible both ways. See
/// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_UploadLayerPart.html and its siblings.
/// </summary>
internal sealed class LayerOperations(LocalEcrOptions options, RegistryScope scope, RepositoryStore repositories, BlobStore blobs, UploadStore uploads, LayerUrlSigner signer)
{
    /// <summary>The part size InitiateLayerUpload announces (the value ECR answers with in the AWS CLI reference's example).</summary>
    public const long AnnouncedPartSize = 10 * 1024 * 1024;

    /// <summary>The largest part UploadLayerPart takes (the model's LayerPartBlob maximum, 20 MiB).</summary>
    public const int MaximumPartSize = 20 * 1024 * 1024;

    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("InitiateLayerUpload", InitiateLayerUploadAsync),
        new("UploadLayerPart", UploadLayerPartAsync),
        new("CompleteLayerUpload", CompleteLayerUploadAsync),
        new("BatchCheckLayerAvailability", BatchCheckLayerAvailabilityAsync),
        new("GetDownloadUrlForLayer", GetDownloadUrlForLayerAsync),
    ];

    private async Task<JsonObject> InitiateLayerUploadAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        await RequireRepositoryAsync(call, name);
        var session = uploads.Create(name);
        return new JsonObject { ["uploadId"] = session.Id, ["partSize"] = AnnouncedPartSize };
    }

    private async Task<JsonObject> UploadLayerPartAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var uploadId = call.RequiredString("uploadId");
        var first = call.Input["partFirstByte"]!.GetValue<long>();
        var last = call.Input["partLastByte"]!.GetValue<long>();
        var bytes = Convert.FromBase64String(call.RequiredString("layerPartBlob"));
        if (bytes.Length > MaximumPartSize)
        {
            throw EcrErrors.InvalidParameter("layerPartBlob", $"Member must have length less than or equal to {MaximumPartSize}");
        }

        await RequireRepositoryAsync(call, name);
        using (await uploads.LockAsync(uploadId, call.CancellationToken))
        {
            var session = FindSession(name, uploadId);

            // Parts must follow each other without gap or overlap, and the range must be the bytes sent.
            if (first != session.Length || last - first + 1 != bytes.Length)
            {
                throw InvalidPart(name, session, first != session.Length
                    ? $"The part's first byte {first} does not follow the last byte received, {session.Length - 1}"
                    : $"The part's byte range {first}-{last} does not match its length, {bytes.Length} bytes");
            }

            using var body = new MemoryStream(bytes, writable: false);
            await uploads.AppendAsync(session, body, bytes.Length, call.CancellationToken);
        }

        return UploadAnswer(name, uploadId, "lastByteReceived", last);
    }

    private async Task<JsonObject> CompleteLayerUploadAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var uploadId = call.RequiredString("uploadId");
        var digests = LayerDigests(call);
        await RequireRepositoryAsync(call, name);
        using (await uploads.LockAsync(uploadId, call.CancellationToken))
        {
            var session = FindSession(name, uploadId);
            if (session.Length == 0)
            {
                throw new EcrApiException("EmptyUploadException", $"The upload with id '{uploadId}' in the repository with name '{name}' in registry with id '{options.AccountId}' does not contain any layer parts");
            }

            if (session.SmallestInnerPartSize < options.MinimumLayerPartSize)
            {
                throw new EcrApiException("LayerPartTooSmallException", $"All layer parts except the last part should be at least 5MB; a part was {session.SmallestInnerPartSize} bytes");
            }

            var data = uploads.PrepareDataForCommit(session);
            var actual = await BlobStore.DigestOfFileAsync(data, call.CancellationToken);
            if (!digests.Contains(actual, StringComparer.Ordinal))
            {
                uploads.Delete(session.Id);
                throw new EcrApiException("InvalidLayerException", $"None of the provided layer digests match the calculated layer digest '{actual}'");
            }

            using var handle = await repositories.LockAsync(name, call.CancellationToken);
            var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
            if (record.Blobs.Contains(actual) && blobs.Exists(actual))
            {
                uploads.Delete(session.Id);
                throw new EcrApiException("LayerAlreadyExistsException", $"The layer with digest '{actual}' already exists in the repository with name '{name}' in registry with id '{options.AccountId}'");
            }

            if (!await blobs.TryCommitAsync(data, actual, call.CancellationToken))
            {
                throw new IOException($"The upload {session.Id} changed while it was being committed.");
            }

            uploads.Delete(session.Id);
            record.Blobs.Add(actual);
            handle.Save();
            return UploadAnswer(name, uploadId, "layerDigest", actual);
        }
    }

    private async Task<JsonObject> BatchCheckLayerAvailabilityAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var digests = LayerDigests(call);
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
        var layers = new JsonArray();
        var failures = new JsonArray();
        foreach (var digest in digests)
        {
            if (!DigestRule.IsWellFormed(digest))
            {
                failures.Add(LayerFailure(digest, "InvalidLayerDigest", "Invalid layer digest"));
            }
            else if (!DigestRule.IsValid(digest) || !record.Blobs.Contains(digest) || blobs.SizeOf(digest) is not { } size)
            {
                failures.Add(LayerFailure(digest, "MissingLayerDigest", "Could not find layer"));
            }
            else
            {
                layers.Add(Layer(record, digest, size, call.Now));
            }
        }

        return new JsonObject { ["layers"] = layers, ["failures"] = failures };
    }

    private async Task<JsonObject> GetDownloadUrlForLayerAsync(EcrCall call)
    {
        var name = call.RepositoryName();
        var digest = call.RequiredString("layerDigest");
        using (var handle = await repositories.LockAsync(name, call.CancellationToken))
        {
            var record = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
            if (!DigestRule.IsValid(digest) || !record.Blobs.Contains(digest) || !blobs.Exists(digest))
            {
                throw new EcrApiException("LayersNotFoundException", $"Layers with digests '[{digest}]' do not exist in the repository with name '{name}' in the registry with id '{options.AccountId}'");
            }

            // "You can only get URLs for image layers that are referenced in an image" (API reference), an active one.
            if (!ReferencingImages(record, digest).Any(image => image.StatusAt(call.Now) == "ACTIVE"))
            {
                throw new EcrApiException("LayerInaccessibleException", $"The layer with digest '{digest}' is not associated with an image in the repository with name '{name}' in the registry with id '{options.AccountId}'");
            }
        }

        return new JsonObject
        {
            ["downloadUrl"] = call.ProxyEndpoint + signer.Sign(scope, digest, call.Now),
            ["layerDigest"] = digest,
        };
    }

    private JsonObject UploadAnswer(string name, string uploadId, string member, JsonNode value) => new()
    {
        ["registryId"] = options.AccountId,
        ["repositoryName"] = name,
        ["uploadId"] = uploadId,
        [member] = value,
    };

    // Required and 1-100 long by the model, checked before the operation runs (InputShapeValidator).
    private static List<string> LayerDigests(EcrCall call) =>
        call.OptionalArray("layerDigests", 1, 100)!.Select(node => EcrCall.StringOf(node, "layerDigests")!).ToList();

    private async Task RequireRepositoryAsync(EcrCall call, string name)
    {
        using var handle = await repositories.LockAsync(name, call.CancellationToken);
        _ = handle.Record ?? throw EcrErrors.RepositoryNotFound(name, options.AccountId);
    }

    private UploadSession FindSession(string name, string uploadId)
    {
        var session = uploads.Find(uploadId);
        return session is not null && string.Equals(session.Repository, name, StringComparison.Ordinal)
            ? session
            : throw new EcrApiException("UploadNotFoundException", $"Upload with id '{uploadId}' does not exist in the repository with name '{name}' in the registry with id '{options.AccountId}'");
    }

    private EcrApiException InvalidPart(string name, UploadSession session, string message) =>
        new("InvalidLayerPartException", message, members: new JsonObject
        {
            ["registryId"] = options.AccountId,
            ["repositoryName"] = name,
            ["uploadId"] = session.Id,
            ["lastValidByteReceived"] = Math.Max(0, session.Length - 1),
        });

    private JsonObject Layer(RepositoryRecord record, string digest, long size, DateTimeOffset now)
    {
        var images = ReferencingImages(record, digest).OrderBy(image => image.Digest, StringComparer.Ordinal).ToList();
        var archived = images.Count > 0 && images.All(image => image.StatusAt(now) != "ACTIVE");
        var layer = new JsonObject
        {
            ["layerDigest"] = digest,
            ["layerAvailability"] = archived ? "ARCHIVED" : "AVAILABLE",
            ["layerSize"] = size,
        };

        // The media type is the manifests' word for the blob; a layer no image uses yet has none.
        if (images.Select(image => ManifestReader.BlobMediaType(blobs.ReadAllBytes(image.Digest), digest)).FirstOrDefault(type => type is not null) is { } mediaType)
        {
            layer["mediaType"] = mediaType;
        }

        return layer;
    }

    private static IEnumerable<ImageRecord> ReferencingImages(RepositoryRecord record, string digest) =>
        record.Images.Values.Where(image => image.BlobDigests.Contains(digest, StringComparer.Ordinal));

    private static JsonObject LayerFailure(string digest, string code, string reason) => new()
    {
        ["layerDigest"] = digest,
        ["failureCode"] = code,
        ["failureReason"] = reason,
    };
}
