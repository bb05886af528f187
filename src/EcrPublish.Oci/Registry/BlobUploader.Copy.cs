using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>Copying a blob from another repository or registry (see <see cref="CopyFromAsync"/>).</summary>
public sealed partial class BlobUploader
{
    /// <summary>
    /// Puts <paramref name="blob"/> of <paramref name="sourceRepository"/> in <paramref name="source"/> into
    /// <paramref name="repository"/>: nothing when it is there (HEAD); a cross-repository mount within one registry; else
    /// streamed, the source's GET passed on as the upload's body (in one request, or in parts above
    /// <see cref="PushOptions.ChunkedUploadAbove"/> as a push) and hashed on the way, committed only when it is the blob its
    /// digest names (else ECR7035). A failed attempt starts again with a fresh session and GET.
    /// </summary>
    public async Task<BlobUploadOutcome> CopyFromAsync(string repository, Descriptor blob, RegistryClient source, string sourceRepository, Action<long>? onBytesSent, CancellationToken cancellationToken)
    {
        var sameRegistry = string.Equals(source.Registry, client.Registry, StringComparison.OrdinalIgnoreCase);
        for (var attempt = 1; ; attempt++)
        {
            Uri? session = null;
            try
            {
                if (await client.BlobExistsAsync(repository, blob.Digest, cancellationToken).ConfigureAwait(false))
                {
                    return BlobUploadOutcome.AlreadyPresent;
                }

                if (sameRegistry && options.MountBaseLayers && !string.Equals(sourceRepository, repository, StringComparison.Ordinal))
                {
                    (var mounted, session) = await TryMountAsync(repository, blob.Digest, sourceRepository, cancellationToken).ConfigureAwait(false);
                    if (mounted)
                    {
                        return BlobUploadOutcome.Mounted;
                    }
                }

                session ??= await StartSessionAsync(repository, cancellationToken).ConfigureAwait(false);
                session = options.UploadMode == UploadMode.Chunked || blob.Size > options.ChunkedUploadAbove
                    ? await CopyInPartsAsync(repository, session, blob, source, sourceRepository, onBytesSent, cancellationToken).ConfigureAwait(false)
                    : await CopyWholeAsync(repository, session, blob, source, sourceRepository, onBytesSent, cancellationToken).ConfigureAwait(false);
                await CommitAsync(repository, session, blob.Digest, cancellationToken).ConfigureAwait(false);
                return BlobUploadOutcome.Uploaded;
            }
            catch (Exception exception) when (attempt < options.BlobRetry.MaxAttempts && (IsRetryable(exception, cancellationToken) || exception is HttpRequestException { InnerException: IOException }))
            {
                if (session is not null)
                {
                    await CancelSessionAsync(session, repository).ConfigureAwait(false);
                }

                await Task.Delay(options.BlobRetry.DelayBefore(attempt, (exception as UploadSessionFailedException)?.RetryAfter), cancellationToken).ConfigureAwait(false);
            }
            catch (UploadSessionFailedException exception)
            {
                throw new RegistryException(RegistryErrorCodes.BlobUploadFailed,
                    $"Copying blob {blob.Digest} from {source.Registry}/{sourceRepository} to {client.Registry}/{repository} failed {attempt} times; last: {exception.Message}. Check the network and both registries, then copy again (blobs already copied are not sent twice).",
                    innerException: exception);
            }
        }
    }

    /// <summary>The source's GET passed on as the body of one PATCH; returns the session to commit.</summary>
    private async Task<Uri> CopyWholeAsync(string repository, Uri session, Descriptor blob, RegistryClient source, string sourceRepository, Action<long>? onBytesSent, CancellationToken cancellationToken)
    {
        StreamedBlobContent? body = null;
        using var patch = await SendUploadRequestAsync(
            () => new HttpRequestMessage(HttpMethod.Patch, session)
            {
                Content = body = new StreamedBlobContent(token => source.OpenBlobAsync(sourceRepository, blob.Digest, token), blob.Size, onBytesSent),
            },
            repository, cancellationToken).ConfigureAwait(false);

        // ECR answers a PATCH with 201 instead of 202.
        await ThrowUnlessAsync(patch, repository, "copying a blob", cancellationToken, HttpStatusCode.Accepted, HttpStatusCode.Created, HttpStatusCode.NoContent).ConfigureAwait(false);
        if (body is not { Complete: true } || body.Digest != blob.Digest)
        {
            await CancelSessionAsync(session, repository).ConfigureAwait(false);
            throw NotAsAddressed(repository, blob, source, sourceRepository, body?.Complete == false ? null : body?.Digest ?? "unread");
        }

        return LocationOrSame(patch, session);
    }

    /// <summary>
    /// Above <see cref="PushOptions.ChunkedUploadAbove"/>, as a push does: the source's GET read in parts of
    /// <see cref="PushOptions.ChunkSize"/>, hashed as read, each part held in memory while it goes up in its own PATCH
    /// (so a part the registry lost is sent again from where the registry stands). Returns the session to commit.
    /// </summary>
    private async Task<Uri> CopyInPartsAsync(string repository, Uri session, Descriptor blob, RegistryClient source, string sourceRepository, Action<long>? onBytesSent, CancellationToken cancellationToken)
    {
        var chunkSize = Math.Clamp(options.ChunkSize, PushOptions.MinimumChunkSize, PushOptions.MaximumChunkSize);
        using var response = await source.OpenBlobAsync(sourceRepository, blob.Digest, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var part = new byte[Math.Min(chunkSize, blob.Size)];
        long offset = 0;
        while (offset < blob.Size)
        {
            var length = (int)Math.Min(part.Length, blob.Size - offset);
            var read = await body.ReadAtLeastAsync(part.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < length)
            {
                throw new UploadSessionFailedException($"the source ended after {offset + read} of {blob.Size} bytes");
            }

            hash.AppendData(part, 0, length);
            session = await SendPartAsync(repository, session, part, offset, length, onBytesSent, cancellationToken).ConfigureAwait(false);
            offset += length;
        }

        var digest = ContentDigest.FromHash(hash.GetCurrentHash());
        var longer = await body.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
        if (longer || digest != blob.Digest)
        {
            await CancelSessionAsync(session, repository).ConfigureAwait(false);
            throw NotAsAddressed(repository, blob, source, sourceRepository, longer ? null : digest);
        }

        return session;
    }

    /// <summary>One part of a copy, starting at <paramref name="partStart"/>; after a failure that left the session intact, resumed where the registry stands.</summary>
    private async Task<Uri> SendPartAsync(string repository, Uri session, byte[] part, long partStart, int length, Action<long>? onBytesSent, CancellationToken cancellationToken)
    {
        var partEnd = partStart + length;
        var start = partStart;
        var failuresInARow = 0;
        while (true)
        {
            var from = (int)(start - partStart);
            try
            {
                using var patch = await SendUploadRequestAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Patch, session) { Content = new ByteArrayContent(part, from, length - from) };
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                        request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{partEnd - 1}");
                        return request;
                    },
                    repository, cancellationToken).ConfigureAwait(false);
                await ThrowUnlessAsync(patch, repository, "copying a blob part", cancellationToken, HttpStatusCode.Accepted, HttpStatusCode.Created, HttpStatusCode.NoContent).ConfigureAwait(false);
                onBytesSent?.Invoke(length - from);
                return LocationOrSame(patch, session);
            }
            catch (UploadSessionFailedException exception) when (exception.SessionIntact && ++failuresInARow < options.BlobRetry.MaxAttempts)
            {
                await Task.Delay(options.BlobRetry.DelayBefore(failuresInARow, exception.RetryAfter), cancellationToken).ConfigureAwait(false);
                var resume = await ResumePointAsync(repository, session, start, partEnd, cancellationToken).ConfigureAwait(false);
                if (resume is null)
                {
                    throw;
                }

                (session, start) = resume.Value;
                if (start == partEnd)
                {
                    onBytesSent?.Invoke(length - from);
                    return session;
                }
            }
        }
    }

    /// <summary>ECR7035: what was read from the source is not the blob (<paramref name="digest"/>: what it hashed to; null: longer than its size).</summary>
    private RegistryException NotAsAddressed(string repository, Descriptor blob, RegistryClient source, string sourceRepository, string? digest) => new(CopyErrorCodes.BlobNotAsAddressed,
        $"The blob {blob.Digest} read from {source.Registry}/{sourceRepository} is {(digest is null ? $"longer than the {blob.Size} bytes its descriptor says" : digest)}, not what its digest names. Nothing was committed in {client.Registry}/{repository}; the source registry serves damaged content: report it, or copy from another source.");
}
