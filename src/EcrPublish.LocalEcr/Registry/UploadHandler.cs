using System.Globalization;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Templates;
using EcrPublish.LocalEcr.Validation;
using Microsoft.AspNetCore.Http;

namespace EcrPublish.LocalEcr.Registry;

/// <summary>
/// Blob uploads: POST (new session, monolithic with <c>?digest=</c>, or cross-repository mount), PATCH (chunks),
/// PUT (close with digest), GET (status), DELETE (cancel). Behaves like ECR: an upload into a missing repository
/// has its connection aborted, PATCH answers 201, and a part followed by another part must be at least 5 MiB.
/// A mount happens only when the BLOB_MOUNTING account setting is ENABLED; otherwise (and when the blob cannot be
/// mounted) the POST starts an ordinary upload, as ECR answers it.
/// </summary>
internal sealed class UploadHandler(LocalEcrOptions options, RepositoryStore repositories, BlobStore blobs, UploadStore uploads, RepositoryCreator creator, RegistrySettingsStore settings)
{
    public async Task HandleAsync(HttpContext context, string name, string sessionId)
    {
        if (!repositories.Exists(name) && !(IsStart(context, sessionId) && await CreateOnPushAsync(name, context.RequestAborted)))
        {
            // ECR drops the connection instead of answering when the repository does not exist.
            context.Abort();
            return;
        }

        if (sessionId.Length == 0)
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                await StartAsync(context, name);
            }
            else
            {
                await RegistryErrors.WriteAsync(context, 405, "UNSUPPORTED", "Method not allowed");
            }

            return;
        }

        using (await uploads.LockAsync(sessionId, context.RequestAborted))
        {
            var session = uploads.Find(sessionId);
            if (session is null || !string.Equals(session.Repository, name, StringComparison.Ordinal))
            {
                await RegistryErrors.WriteAsync(context, 404, "BLOB_UPLOAD_UNKNOWN", $"Upload '{sessionId}' is not known in repository '{name}'");
                return;
            }

            var method = context.Request.Method;
            if (HttpMethods.IsPatch(method))
            {
                await PatchAsync(context, session);
            }
            else if (HttpMethods.IsPut(method))
            {
                await FinishAsync(context, session);
            }
            else if (HttpMethods.IsGet(method))
            {
                WriteSessionHeaders(context, session, 204);
            }
            else if (HttpMethods.IsDelete(method))
            {
                uploads.Delete(session.Id);
                context.Response.StatusCode = 204;
            }
            else
            {
                await RegistryErrors.WriteAsync(context, 405, "UNSUPPORTED", "Method not allowed");
            }
        }
    }

    private static bool IsStart(HttpContext context, string sessionId) => sessionId.Length == 0 && HttpMethods.IsPost(context.Request.Method);

    // ECR's create on push: the first upload into a missing repository creates it when a CREATE_ON_PUSH template covers it.
    private async Task<bool> CreateOnPushAsync(string name, CancellationToken cancellationToken)
    {
        using var handle = await repositories.LockAsync(name, cancellationToken);
        return creator.CreateOnPush(handle, options.TimeProvider.GetUtcNow());
    }

    private async Task StartAsync(HttpContext context, string name)
    {
        var query = context.Request.Query;
        var mount = query["mount"].ToString();
        if (mount.Length > 0)
        {
            if (!DigestRule.IsValid(mount))
            {
                await RegistryErrors.DigestInvalidAsync(context, mount);
                return;
            }

            if (await TryMountAsync(name, mount, query["from"].ToString(), context.RequestAborted))
            {
                WriteBlobCreated(context, name, mount);
                return;
            }
        }

        var digest = query["digest"].ToString();
        if (digest.Length > 0 && !DigestRule.IsValid(digest))
        {
            await RegistryErrors.DigestInvalidAsync(context, digest);
            return;
        }

        var session = uploads.Create(name);
        using var use = uploads.Use(session.Id);
        if (digest.Length > 0)
        {
            // Monolithic upload in a single POST.
            await CommitAsync(context, session, digest);
            return;
        }

        WriteSessionHeaders(context, session, 202);
    }

    private async Task<bool> TryMountAsync(string name, string digest, string from, CancellationToken cancellationToken)
    {
        if (!AccountSettingCatalog.IsBlobMountingEnabled(settings.Current) || !RepositoryNameRule.IsValid(from) || string.Equals(from, name, StringComparison.Ordinal))
        {
            return false;
        }

        (string Type, string? Key) sourceEncryption;
        using (var source = await repositories.LockAsync(from, cancellationToken))
        {
            // ECR only mounts blobs that an image in the source repository references, not loose uploads.
            if (source.Record is null || !source.Record.Blobs.Contains(digest) || !ImageCatalog.IsReferencedByImage(source.Record, digest) || !blobs.Exists(digest))
            {
                return false;
            }

            sourceEncryption = (source.Record.EncryptionType, source.Record.KmsKey);
        }

        using var target = await repositories.LockAsync(name, cancellationToken);

        // "Repositories must use identical encryption configurations" (ECR user guide, blob mounting).
        if (target.Record is null || sourceEncryption != (target.Record.EncryptionType, target.Record.KmsKey))
        {
            return false;
        }

        target.Record.Blobs.Add(digest);
        target.Save();
        return true;
    }

    private async Task PatchAsync(HttpContext context, UploadSession session)
    {
        var (accepted, expectedLength) = await CheckPartAsync(context, session);
        if (!accepted)
        {
            return;
        }

        var updated = await uploads.AppendAsync(session, context.Request.Body, expectedLength, context.RequestAborted);
        if (updated is null)
        {
            await RegistryErrors.WriteAsync(context, 400, "BLOB_UPLOAD_INVALID", "The layer part's size does not match its Content-Range");
            return;
        }

        // ECR answers a chunk with 201 Created, not the 202 Accepted of the distribution spec, and its Range header
        // keeps reporting the end of the first part.
        WriteSessionHeaders(context, updated, 201, options.StaleUploadRange ? updated.FirstPartSize : updated.Length);
    }

    private async Task FinishAsync(HttpContext context, UploadSession session)
    {
        var digest = context.Request.Query["digest"].ToString();
        if (!DigestRule.IsValid(digest))
        {
            await RegistryErrors.DigestInvalidAsync(context, digest);
            return;
        }

        await CommitAsync(context, session, digest);
    }

    /// <summary>Appends the request body as the last part, verifies the digest and moves the blob into the store.</summary>
    private async Task CommitAsync(HttpContext context, UploadSession session, string digest)
    {
        var hasBody = context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            var (accepted, expectedLength) = await CheckPartAsync(context, session);
            if (!accepted)
            {
                return;
            }

            var updated = await uploads.AppendAsync(session, context.Request.Body, expectedLength, context.RequestAborted);
            if (updated is null)
            {
                await RegistryErrors.WriteAsync(context, 400, "BLOB_UPLOAD_INVALID", "The layer part's size does not match its Content-Range");
                return;
            }

            session = updated;
        }

        var data = uploads.PrepareDataForCommit(session);
        if (!await blobs.TryCommitAsync(data, digest, context.RequestAborted))
        {
            uploads.Delete(session.Id);
            await RegistryErrors.WriteAsync(context, 400, "DIGEST_INVALID", "None of the provided layer digests match the calculated layer digest", digest);
            return;
        }

        uploads.Delete(session.Id);
        using (var handle = await repositories.LockAsync(session.Repository, context.RequestAborted))
        {
            if (handle.Record is null)
            {
                context.Abort();
                return;
            }

            handle.Record.Blobs.Add(digest);
            handle.Save();
        }

        WriteBlobCreated(context, session.Repository, digest);
    }

    /// <summary>
    /// Checks an incoming part against the session before any byte is written: the previous part must have been at
    /// least the minimum part size, and a Content-Range must start where the acknowledged bytes end. Returns whether
    /// the part may be written (the error is already written when not) and its length from Content-Range, if given.
    /// </summary>
    private async Task<(bool Accepted, long? ExpectedLength)> CheckPartAsync(HttpContext context, UploadSession session)
    {
        if (session.Parts > 0 && session.LastPartSize < options.MinimumLayerPartSize)
        {
            await RegistryErrors.WriteAsync(context, 400, "BLOB_UPLOAD_INVALID", "All layer parts except the last part should be at least 5MB", $"LayerPartTooSmallException: previous part was {session.LastPartSize} bytes");
            return (false, null);
        }

        var header = context.Request.Headers.ContentRange.ToString();
        if (header.Length == 0)
        {
            return (true, null);
        }

        var bounds = header.Split('-');
        if (bounds.Length != 2
            || !long.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || end < start)
        {
            await RegistryErrors.WriteAsync(context, 416, "BLOB_UPLOAD_INVALID", $"Invalid Content-Range '{header}'; expected <start>-<end>");
            return (false, null);
        }

        if (start != session.Length)
        {
            WriteSessionHeaders(context, session, 416);
            await RegistryErrors.WriteAsync(context, 416, "BLOB_UPLOAD_INVALID", $"First byte of the layer part is {start} instead of {session.Length}");
            return (false, null);
        }

        return (true, end - start + 1);
    }

    private void WriteSessionHeaders(HttpContext context, UploadSession session, int status, long? reportedLength = null)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = $"/v2/{options.RegistryPathPrefix}{session.Repository}/blobs/uploads/{session.Id}";
        context.Response.Headers["Docker-Upload-UUID"] = session.Id;
        context.Response.Headers["Range"] = string.Create(CultureInfo.InvariantCulture, $"0-{Math.Max(0, (reportedLength ?? session.Length) - 1)}");
        context.Response.ContentLength = 0;
    }

    private void WriteBlobCreated(HttpContext context, string name, string digest)
    {
        context.Response.StatusCode = 201;
        context.Response.Headers.Location = $"/v2/{options.RegistryPathPrefix}{name}/blobs/{digest}";
        context.Response.Headers["Docker-Content-Digest"] = digest;
        context.Response.ContentLength = 0;
    }
}
