using System.Net;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>Copying a blob from another repository or registry (see <see cref="CopyFromAsync"/>).</summary>
public sealed partial class BlobUploader
{
    /// <summary>
    /// Puts <paramref name="blob"/> of <paramref name="sourceRepository"/> in <paramref name="source"/> into
    /// <paramref name="repository"/>: nothing when it is there (HEAD); a cross-repository mount within one registry; else
    /// streamed, the source's GET passed on as the upload's body in one request and hashed on the way, committed only
    /// when it is the blob its digest names (else ECR7035). A failed attempt starts again with a fresh session and GET.
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
                StreamedBlobContent? body = null;
                using (var patch = await SendUploadRequestAsync(
                    () => new HttpRequestMessage(HttpMethod.Patch, session)
                    {
                        Content = body = new StreamedBlobContent(token => source.OpenBlobAsync(sourceRepository, blob.Digest, token), blob.Size, onBytesSent),
                    },
                    repository, cancellationToken).ConfigureAwait(false))
                {
                    // ECR answers a PATCH with 201 instead of 202.
                    await ThrowUnlessAsync(patch, repository, "copying a blob", cancellationToken, HttpStatusCode.Accepted, HttpStatusCode.Created, HttpStatusCode.NoContent).ConfigureAwait(false);
                    if (body is not { Complete: true } || body.Digest != blob.Digest)
                    {
                        await CancelSessionAsync(session, repository).ConfigureAwait(false);
                        throw new RegistryException(CopyErrorCodes.BlobNotAsAddressed,
                            $"The blob {blob.Digest} read from {source.Registry}/{sourceRepository} is {(body?.Complete == false ? $"longer than the {blob.Size} bytes its descriptor says" : $"{body?.Digest ?? "unread"}")}, not what its digest names. Nothing was committed in {client.Registry}/{repository}; the source registry serves damaged content: report it, or copy from another source.");
                    }

                    session = LocationOrSame(patch, session);
                }

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
}
