using EcrPublish.LocalEcr.Limits;
using EcrPublish.LocalEcr.PullThrough;
using EcrPublish.LocalEcr.Replication;
using EcrPublish.LocalEcr.Signing;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Templates;
using EcrPublish.LocalEcr.Validation;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>
/// GET/HEAD/PUT/DELETE <c>/v2/&lt;name&gt;/manifests/&lt;tag or digest&gt;</c>, with ECR's rules: the manifest must carry
/// its <c>mediaType</c>, referenced blobs must be in the repository, an immutable tag is never overwritten (not even
/// with the same digest: TAG_INVALID), and a GET records the image's last pull time.
/// </summary>
internal sealed class ManifestHandler(LocalEcrOptions options, RepositoryStore repositories, BlobStore blobs, ImageCatalog catalog, PutImageThrottle throttle, ImageReplicator replicator, PullThroughCache pullThrough, PullTimeRecorder pullTimes, RepositoryCreator creator, ImageSigner signer)
{
    public async Task HandleAsync(HttpContext context, string name, string reference)
    {
        var isDigest = reference.StartsWith("sha256:", StringComparison.Ordinal);
        if (isDigest ? !DigestRule.IsValid(reference) : !TagRule.IsValid(reference))
        {
            if (isDigest || reference.Contains(':', StringComparison.Ordinal))
            {
                await RegistryErrors.DigestInvalidAsync(context, reference);
            }
            else
            {
                await RegistryErrors.WriteAsync(context, 400, "TAG_INVALID", $"Invalid tag '{reference}'");
            }

            return;
        }

        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            await GetAsync(context, name, reference);
        }
        else if (HttpMethods.IsPut(method))
        {
            await PutAsync(context, name, reference, isDigest);
        }
        else if (HttpMethods.IsDelete(method))
        {
            await DeleteAsync(context, name, reference, isDigest);
        }
        else
        {
            await RegistryErrors.WriteAsync(context, 405, "UNSUPPORTED", "Method not allowed");
        }
    }

    private async Task GetAsync(HttpContext context, string name, string reference)
    {
        if (await pullThrough.FillAsync(name, reference, context.RequestAborted) is { } failure)
        {
            await RegistryErrors.WriteAsync(context, 404, "MANIFEST_UNKNOWN", failure);
            return;
        }

        ImageRecord image;
        using (var handle = await repositories.LockAsync(name, context.RequestAborted))
        {
            if (handle.Record is null)
            {
                await RegistryErrors.NameUnknownAsync(context, name, options.AccountId);
                return;
            }

            var digest = ImageCatalog.Resolve(handle.Record, reference);
            if (digest is null)
            {
                await RegistryErrors.WriteAsync(context, 404, "MANIFEST_UNKNOWN", $"Requested image not found: '{reference}' in repository '{name}'");
                return;
            }

            image = handle.Record.Images[digest];
            if (image.StatusAt(options.TimeProvider.GetUtcNow()) != "ACTIVE")
            {
                // "Archived images cannot be pulled. Requests to pull the archived image will fail with a 404 error."
                // (ECR user guide, archiving an image); an image being restored is not pullable either.
                await RegistryErrors.WriteAsync(context, 404, "MANIFEST_UNKNOWN", $"Requested image '{reference}' in repository '{name}' is {image.StatusAt(options.TimeProvider.GetUtcNow())}; restore it with UpdateImageStorageClass --target-storage-class STANDARD");
                return;
            }

            if (HttpMethods.IsGet(context.Request.Method))
            {
                pullTimes.Record(image, options.TimeProvider.GetUtcNow());
                handle.Save();
            }
        }

        context.Response.ContentType = image.ManifestMediaType;
        context.Response.Headers["Docker-Content-Digest"] = image.Digest;
        context.Response.Headers.ETag = $"\"{image.Digest}\"";
        context.Response.ContentLength = image.ManifestSize;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(blobs.ReadAllBytes(image.Digest), context.RequestAborted);
        }
    }

    private async Task PutAsync(HttpContext context, string name, string reference, bool isDigest)
    {
        var manifest = await ReadLimitedAsync(context);
        if (manifest is null)
        {
            await RegistryErrors.WriteAsync(context, 413, "MANIFEST_INVALID", $"The manifest is larger than {options.MaxManifestBytes} bytes");
            return;
        }

        ManifestFacts facts;
        try
        {
            facts = ManifestReader.Read(manifest, declaredMediaType: null);
        }
        catch (ManifestInvalidException invalid)
        {
            await RegistryErrors.WriteAsync(context, 400, "MANIFEST_INVALID", invalid.Message);
            return;
        }

        var contentType = context.Request.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(contentType) && !string.Equals(contentType, facts.MediaType, StringComparison.Ordinal))
        {
            await RegistryErrors.WriteAsync(context, 400, "MANIFEST_INVALID", $"Content-Type '{contentType}' does not match the manifest mediaType '{facts.MediaType}'");
            return;
        }

        var digest = BlobStore.DigestOf(manifest);
        if (isDigest && !string.Equals(digest, reference, StringComparison.Ordinal))
        {
            await RegistryErrors.WriteAsync(context, 400, "DIGEST_INVALID", $"The manifest digest is {digest}, not {reference}");
            return;
        }

        if (!throttle.TryAcquire())
        {
            context.Response.Headers.RetryAfter = "1";
            await RegistryErrors.WriteAsync(context, 429, "TOOMANYREQUESTS", "Rate exceeded");
            return;
        }

        bool stored;
        using (var handle = await repositories.LockAsync(name, context.RequestAborted))
        {
            if (!creator.CreateOnPush(handle, options.TimeProvider.GetUtcNow()))
            {
                await RegistryErrors.NameUnknownAsync(context, name, options.AccountId);
                return;
            }

            var result = catalog.Put(handle.Record!, manifest, facts, isDigest ? null : reference, options.TimeProvider.GetUtcNow());
            switch (result.Outcome)
            {
                case ManifestPutOutcome.MissingBlobs:
                case ManifestPutOutcome.MissingManifests:
                    await RegistryErrors.WriteAsync(context, 400, "MANIFEST_BLOB_UNKNOWN", "The manifest references content that is not in the repository", string.Join(", ", result.Missing));
                    return;
                case ManifestPutOutcome.TagImmutable:
                    await RegistryErrors.WriteAsync(context, 400, "TAG_INVALID", $"The image tag '{reference}' already exists in the '{name}' repository and cannot be overwritten because the tag is immutable.");
                    return;
                case ManifestPutOutcome.Stored:
                    handle.Save();
                    break;
            }

            stored = result.Outcome == ManifestPutOutcome.Stored;
        }

        if (stored)
        {
            await signer.SignAsync(name, digest, context.RequestAborted);
            await replicator.ReplicateAsync(name, digest, isDigest ? null : reference, context.RequestAborted);
        }

        context.Response.StatusCode = 201;
        context.Response.Headers.Location = $"/v2/{options.RegistryPathPrefix}{name}/manifests/{digest}";
        context.Response.Headers["Docker-Content-Digest"] = digest;
        if (facts.SubjectDigest is not null)
        {
            context.Response.Headers["OCI-Subject"] = facts.SubjectDigest;
        }

        context.Response.ContentLength = 0;
    }

    private async Task DeleteAsync(HttpContext context, string name, string reference, bool isDigest)
    {
        using var handle = await repositories.LockAsync(name, context.RequestAborted);
        if (handle.Record is null)
        {
            await RegistryErrors.NameUnknownAsync(context, name, options.AccountId);
            return;
        }

        var digest = ImageCatalog.Resolve(handle.Record, reference);
        if (digest is null)
        {
            await RegistryErrors.WriteAsync(context, 404, "MANIFEST_UNKNOWN", $"Requested image not found: '{reference}' in repository '{name}'");
            return;
        }

        if (!isDigest)
        {
            ImageCatalog.Untag(handle.Record, reference);
        }
        else if (ImageCatalog.IsReferencedByIndex(handle.Record, digest))
        {
            await RegistryErrors.WriteAsync(context, 400, "UNSUPPORTED", "The image is referenced by an image index; delete the index first");
            return;
        }
        else
        {
            ImageCatalog.DeleteImage(handle.Record, digest);
        }

        handle.Save();
        context.Response.StatusCode = 202;
        context.Response.ContentLength = 0;
    }

    /// <summary>The request body, or null when it is larger than the manifest limit.</summary>
    private async Task<byte[]?> ReadLimitedAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxManifestBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > options.MaxManifestBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
