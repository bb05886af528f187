using System.Net;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Puts one blob into a repository: HEAD, cross-repository mount (falling back to a plain session),
/// single-request upload, chunked upload with locally tracked offsets when the registry rejects the
/// size. A failed session is abandoned and a fresh one started after backoff (ECR cannot resume).
/// </summary>
public sealed partial class BlobUploader(RegistryClient client, RegistryClientPool? origins, LayerCache? cache, PushOptions options)
{
    /// <summary>An uploader for blobs that are in memory or copied from a registry (<see cref="CopyFromAsync"/>): no layer cache, no base-image origins.</summary>
    public BlobUploader(RegistryClient client, PushOptions options)
        : this(client, null, null, options)
    {
    }

    /// <param name="repository">Where the blob goes.</param>
    /// <param name="blob">The blob and where its bytes are.</param>
    /// <param name="onBytesSent">Told of every chunk of bytes sent.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <param name="mountSource">A sibling repository of the same registry that holds the blob, tried when the blob has no base image to mount from.</param>
    public async Task<BlobUploadOutcome> UploadAsync(string repository, ImageBlob blob, Action<long>? onBytesSent, CancellationToken cancellationToken, string? mountSource = null)
    {
        var digest = blob.Descriptor.Digest;
        var brokenSessionStarts = 0;
        for (var attempt = 1; ; attempt++)
        {
            Uri? session = null;
            try
            {
                if ((attempt > 1 || !options.RepositoryIsNew) && await client.BlobExistsAsync(repository, digest, cancellationToken).ConfigureAwait(false))
                {
                    return BlobUploadOutcome.AlreadyPresent;
                }

                if ((CanMount(blob, repository) ? blob.Origin!.Repository : mountSource) is { } from)
                {
                    (var mounted, session) = await TryMountAsync(repository, digest, from, cancellationToken).ConfigureAwait(false);
                    if (mounted)
                    {
                        return BlobUploadOutcome.Mounted;
                    }
                }

                var path = blob.Content is null ? await LocalPathAsync(blob, cancellationToken).ConfigureAwait(false) : null;
                session ??= await StartSessionAsync(repository, cancellationToken).ConfigureAwait(false);
                var mode = options.UploadModeFor(blob.Descriptor.Size);
                var chunked = mode == UploadMode.Chunked || blob.Descriptor.Size > options.ChunkedUploadAbove;
                if (chunked || !await TrySendWholeAsync(repository, session, blob, path, mode, onBytesSent, cancellationToken).ConfigureAwait(false))
                {
                    if (!chunked)
                    {
                        // The registry refused the whole blob in one request: a fresh session in parts.
                        await CancelSessionAsync(session, repository).ConfigureAwait(false);
                        session = await StartSessionAsync(repository, cancellationToken).ConfigureAwait(false);
                    }

                    await SendChunkedAsync(repository, session, blob, path, onBytesSent, cancellationToken).ConfigureAwait(false);
                }

                return BlobUploadOutcome.Uploaded;
            }
            catch (Exception exception) when (attempt < options.BlobRetry.MaxAttempts && IsRetryable(exception, cancellationToken))
            {
                if (session is not null)
                {
                    await CancelSessionAsync(session, repository).ConfigureAwait(false);
                }
                else if (exception is UploadSessionFailedException { ConnectionBroken: true } && ++brokenSessionStarts == 2)
                {
                    // ECR aborts the connection instead of answering when a session is opened in a missing
                    // repository. Asked only after a second broken start: a session that opened proves the
                    // repository exists, and distribution says NAME_UNKNOWN for a repository without tags.
                    await ThrowIfRepositoryMissingAsync(repository, cancellationToken).ConfigureAwait(false);
                }

                var retryAfter = (exception as UploadSessionFailedException)?.RetryAfter;
                await Task.Delay(options.BlobRetry.DelayBefore(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
            }
            catch (UploadSessionFailedException exception)
            {
                if (exception.ConnectionBroken && session is null && brokenSessionStarts < 2)
                {
                    await ThrowIfRepositoryMissingAsync(repository, cancellationToken).ConfigureAwait(false);
                }

                var hint = exception.ConnectionBroken
                    ? " ECR also closes connections when the repository is missing or the identity may not push to it."
                    : "";
                throw new RegistryException(RegistryErrorCodes.BlobUploadFailed,
                    $"Uploading blob {digest} to {client.Registry}/{repository} failed {attempt} times; last: {exception.Message}. Check the network and the registry, then publish again (finished blobs are not sent twice).{hint}",
                    innerException: exception);
            }
        }
    }

    private bool CanMount(ImageBlob blob, string repository) =>
        options.MountBaseLayers && blob.Origin is { } origin &&
        string.Equals(origin.Registry, client.Registry, StringComparison.OrdinalIgnoreCase) &&
        !string.Equals(origin.Repository, repository, StringComparison.Ordinal);

    private async Task<string> LocalPathAsync(ImageBlob blob, CancellationToken cancellationToken)
    {
        if (blob.LocalPath is not null)
        {
            return blob.LocalPath;
        }

        if (blob.Origin is null || origins is null || cache is null)
        {
            throw new InvalidOperationException($"Blob {blob.Descriptor.Digest} has neither a file nor an origin and a layer cache to download it into.");
        }

        return await origins.Get(blob.Origin.Registry)
            .DownloadBlobAsync(blob.Origin.Repository, blob.Descriptor.Digest, cache, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(bool Mounted, Uri? Session)> TryMountAsync(string repository, string digest, string from, CancellationToken cancellationToken)
    {
        try
        {
            var query = $"blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(from)}";
            using var response = await client.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, client.Url(repository, query)) { Content = new ByteArrayContent([]) },
                $"{RegistryClient.Scope(repository, push: true)} {RegistryClient.Scope(from, push: false)}",
                retryTransient: false, cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.Created => (true, null),
                HttpStatusCode.Accepted => (false, Location(response)),
                _ => (false, null),
            };
        }
        catch (HttpRequestException)
        {
            // Some registries break the connection on a mount they cannot serve; a plain session follows.
            return (false, null);
        }
    }

    private async Task<Uri> StartSessionAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await SendUploadRequestAsync(
            () => new HttpRequestMessage(HttpMethod.Post, client.Url(repository, "blobs/uploads/")) { Content = new ByteArrayContent([]) },
            repository, cancellationToken).ConfigureAwait(false);
        await ThrowUnlessAsync(response, repository, "starting an upload", cancellationToken, HttpStatusCode.Accepted).ConfigureAwait(false);
        return Location(response);
    }

    /// <summary>Sends the whole blob in one request; false when the registry refused it for its size (chunks follow).</summary>
    private async Task<bool> TrySendWholeAsync(string repository, Uri session, ImageBlob blob, string? path, UploadMode mode, Action<long>? onBytesSent, CancellationToken cancellationToken)
    {
        var size = blob.Descriptor.Size;
        if (mode == UploadMode.PutWithBody)
        {
            using var put = await SendUploadRequestAsync(
                () => new HttpRequestMessage(HttpMethod.Put, WithDigest(session, blob.Descriptor.Digest)) { Content = new BlobContent(path, blob.Content, 0, size, onBytesSent) },
                repository, cancellationToken).ConfigureAwait(false);
            if (IsSizeRejection(put.StatusCode))
            {
                return false;
            }

            await ThrowUnlessAsync(put, repository, "uploading a blob", cancellationToken, HttpStatusCode.Created, HttpStatusCode.NoContent).ConfigureAwait(false);
            return true;
        }

        using (var patch = await SendUploadRequestAsync(
            () => new HttpRequestMessage(HttpMethod.Patch, session) { Content = new BlobContent(path, blob.Content, 0, size, onBytesSent) },
            repository, cancellationToken).ConfigureAwait(false))
        {
            if (IsSizeRejection(patch.StatusCode))
            {
                return false;
            }

            // ECR answers a PATCH with 201 instead of 202.
            await ThrowUnlessAsync(patch, repository, "uploading a blob", cancellationToken, HttpStatusCode.Accepted, HttpStatusCode.Created, HttpStatusCode.NoContent).ConfigureAwait(false);
            session = LocationOrSame(patch, session);
        }

        await CommitAsync(repository, session, blob.Descriptor.Digest, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task SendChunkedAsync(string repository, Uri session, ImageBlob blob, string? path, Action<long>? onBytesSent, CancellationToken cancellationToken)
    {
        var chunkSize = Math.Clamp(options.ChunkSize, PushOptions.MinimumChunkSize, PushOptions.MaximumChunkSize);
        var size = blob.Descriptor.Size;
        var failuresInARow = 0;

        // Offsets are tracked here: ECR's Range header goes stale after the first part.
        long offset = 0;
        while (offset < size)
        {
            var length = Math.Min(chunkSize, size - offset);
            var start = offset;
            try
            {
                using var patch = await SendUploadRequestAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Patch, session) { Content = new BlobContent(path, blob.Content, start, length, onBytesSent) };
                        request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{start + length - 1}");
                        return request;
                    },
                    repository, cancellationToken).ConfigureAwait(false);
                await ThrowUnlessAsync(patch, repository, "uploading a blob part", cancellationToken, HttpStatusCode.Accepted, HttpStatusCode.Created, HttpStatusCode.NoContent).ConfigureAwait(false);
                session = LocationOrSame(patch, session);
                offset += length;
                failuresInARow = 0;
            }
            catch (UploadSessionFailedException exception) when (exception.SessionIntact && ++failuresInARow < options.BlobRetry.MaxAttempts)
            {
                await Task.Delay(options.BlobRetry.DelayBefore(failuresInARow, exception.RetryAfter), cancellationToken).ConfigureAwait(false);
                var resume = await ResumePointAsync(repository, session, offset, offset + length, cancellationToken).ConfigureAwait(false);
                if (resume is null)
                {
                    throw;
                }

                (session, offset) = resume.Value;
            }
        }

        await CommitAsync(repository, session, blob.Descriptor.Digest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where a session stands after a part failed (GET on the session: 204 with <c>Range: 0-&lt;last&gt;</c>), as the
    /// offset to continue from: what the registry holds, if it lies between what it acknowledged and the end of the
    /// failed part; what it acknowledged when it reports less (ECR's Range goes stale). Null when the session is gone
    /// or the answer makes no sense: a fresh session follows.
    /// </summary>
    private async Task<(Uri Session, long Offset)?> ResumePointAsync(string repository, Uri session, long acknowledged, long partEnd, CancellationToken cancellationToken)
    {
        try
        {
            using var status = await SendUploadRequestAsync(() => new HttpRequestMessage(HttpMethod.Get, session), repository, cancellationToken).ConfigureAwait(false);
            if (status.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.OK or HttpStatusCode.Accepted))
            {
                return null;
            }

            var held = UploadRange.NextOffset(status);
            var offset = held switch
            {
                null => acknowledged == 0 ? 0 : (long?)null,
                _ when held < acknowledged => acknowledged,
                _ when held <= partEnd => held,
                _ => null,
            };
            return offset is { } next ? (LocationOrSame(status, session), next) : null;
        }
        catch (UploadSessionFailedException)
        {
            return null;
        }
    }

    private async Task CommitAsync(string repository, Uri session, string digest, CancellationToken cancellationToken)
    {
        using var put = await SendUploadRequestAsync(
            () => new HttpRequestMessage(HttpMethod.Put, WithDigest(session, digest)) { Content = new ByteArrayContent([]) },
            repository, cancellationToken).ConfigureAwait(false);
        await ThrowUnlessAsync(put, repository, "finishing an upload", cancellationToken, HttpStatusCode.Created, HttpStatusCode.NoContent).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendUploadRequestAsync(Func<HttpRequestMessage> create, string repository, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(create, RegistryClient.Scope(repository, push: true), retryTransient: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RegistryClient.IsTransient(exception, cancellationToken))
        {
            throw new UploadSessionFailedException($"the connection broke ({exception.Message})", connectionBroken: true, innerException: exception);
        }
    }

    private async Task ThrowUnlessAsync(HttpResponseMessage response, string repository, string action, CancellationToken cancellationToken, params HttpStatusCode[] expected)
    {
        if (expected.Contains(response.StatusCode))
        {
            return;
        }

        var error = await RegistryError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (error?.Code == "NAME_UNKNOWN")
        {
            throw client.RepositoryNotFound(repository, error);
        }

        var detail = $"{action}: HTTP {(int)response.StatusCode}{(error is null ? "" : " " + error)}";
        if (RetryPolicy.IsTransient(response.StatusCode) || response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable ||
            error?.Code is "BLOB_UPLOAD_INVALID" or "BLOB_UPLOAD_UNKNOWN" or "TOOMANYREQUESTS" or "UNKNOWN" or "UNAVAILABLE")
        {
            throw new UploadSessionFailedException(detail, RetryPolicy.RetryAfter(response), sessionIntact: RetryPolicy.IsTransient(response.StatusCode));
        }

        await client.EnsureSuccessAsync(response, action, repository, cancellationToken).ConfigureAwait(false);
        throw new RegistryException(RegistryErrorCodes.BlobUploadFailed, $"{client.Registry}/{repository} refused {detail}.", response.StatusCode, error?.Code);
    }

    private async Task ThrowIfRepositoryMissingAsync(string repository, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Get, client.Url(repository, "tags/list?n=1")),
                RegistryClient.Scope(repository, push: false), retryTransient: false, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound && await RegistryError.ReadAsync(response, cancellationToken).ConfigureAwait(false) is { Code: "NAME_UNKNOWN" } error)
            {
                throw client.RepositoryNotFound(repository, error);
            }
        }
        catch (Exception exception) when (RegistryClient.IsTransient(exception, cancellationToken))
        {
            // The probe itself could not tell; the upload retries decide.
        }
    }

    private async Task CancelSessionAsync(Uri session, string repository)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await client.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, session),
                RegistryClient.Scope(repository, push: true), retryTransient: false, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            // Best effort: an abandoned session expires on its own.
        }
    }

    private static bool IsRetryable(Exception exception, CancellationToken cancellationToken) =>
        exception is UploadSessionFailedException || (exception is not RegistryException && RegistryClient.IsTransient(exception, cancellationToken));

    private static bool IsSizeRejection(HttpStatusCode status) => status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest;

    private Uri Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? client.ResolveLocation(response.RequestMessage!.RequestUri!, location, "an upload")
            : throw new UploadSessionFailedException($"the registry answered {(int)response.StatusCode} without a Location header");

    private Uri LocationOrSame(HttpResponseMessage response, Uri session) => response.Headers.Location is null ? session : Location(response);

    private static Uri WithDigest(Uri session, string digest)
    {
        var separator = string.IsNullOrEmpty(session.Query) ? "?" : "&";
        return new Uri(session + separator + "digest=" + Uri.EscapeDataString(digest));
    }
}
