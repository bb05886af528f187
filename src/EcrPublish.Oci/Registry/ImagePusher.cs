using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// The push engine. Checks the tags first (all already at our digest: nothing is sent), uploads the
/// missing blobs in bounded parallel, then PUTs manifests — children by digest, then the tags — so a
/// tag never points at a missing blob. An immutable tag already at our digest counts as success. Blobs the
/// tags' current manifests reference are in the repository already and are not asked about again.
/// </summary>
public sealed class ImagePusher(RegistryClient client, RegistryClientPool origins, LayerCache cache, PushOptions? options = null)
{
    private readonly PushOptions _options = options ?? new PushOptions();

    public async Task<PushResult> PushAsync(ImageBuildResult image, string repository, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var requestsBefore = client.Traffic.Requests;
        var bytesBefore = client.Traffic.BytesSent;
        var digest = image.Digest;

        var unchanged = new List<string>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        // A repository this publish created has no tag to compare with.
        foreach (var tag in _options.RepositoryIsNew ? [] : tags.Distinct(StringComparer.Ordinal))
        {
            var existing = await client.GetManifestAsync(repository, tag, forPush: true, cancellationToken).ConfigureAwait(false);
            if (existing?.Digest == digest)
            {
                unchanged.Add(tag);
            }
            else if (existing is not null)
            {
                present.UnionWith(ReferencedBlobs.Of(existing));
            }
        }

        var toTag = tags.Distinct(StringComparer.Ordinal).Except(unchanged, StringComparer.Ordinal).ToList();
        if (tags.Count > 0 && toTag.Count == 0)
        {
            return new PushResult
            {
                Repository = repository,
                Digest = digest,
                NoOp = true,
                TagsUnchanged = unchanged,
                Requests = client.Traffic.Requests - requestsBefore,
                BytesSent = client.Traffic.BytesSent - bytesBefore,
            };
        }

        var blobs = image.Images.SelectMany(built => built.Blobs)
            .DistinctBy(blob => blob.Descriptor.Digest, StringComparer.Ordinal)
            .ToList();
        var missing = blobs.Where(blob => !present.Contains(blob.Descriptor.Digest)).ToList();
        // Held until the manifests are in: a sibling publish waiting for one of these blobs then mounts it from here.
        using var claim = await ClaimSharedBlobsAsync(missing, cancellationToken).ConfigureAwait(false);
        var outcomes = await UploadBlobsAsync(repository, missing, claim, cancellationToken).ConfigureAwait(false);
        outcomes.AddRange(blobs.Where(blob => present.Contains(blob.Descriptor.Digest)).Select(_ => (BlobUploadOutcome.AlreadyPresent, 0L)));

        if (image.IndexBytes is not null)
        {
            foreach (var child in image.Images)
            {
                await client.PutManifestAsync(repository, child.Digest, child.Manifest.MediaType, child.ManifestBytes, cancellationToken).ConfigureAwait(false);
            }
        }

        var pushed = new List<string>();
        var limiter = new TagRateLimiter(_options.TagsPerSecond);
        foreach (var tag in toTag.Count > 0 ? toTag : [digest])
        {
            await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (await PutTopManifestAsync(image, repository, tag, cancellationToken).ConfigureAwait(false))
            {
                pushed.Add(tag);
            }
            else
            {
                unchanged.Add(tag);
            }
        }

        claim?.Remember(repository);
        return new PushResult
        {
            Repository = repository,
            Digest = digest,
            TagsPushed = pushed.Where(tag => tag != digest).ToList(),
            TagsUnchanged = unchanged,
            BlobsUploaded = outcomes.Count(outcome => outcome.Outcome == BlobUploadOutcome.Uploaded),
            BlobsMounted = outcomes.Count(outcome => outcome.Outcome == BlobUploadOutcome.Mounted),
            BlobsAlreadyPresent = outcomes.Count(outcome => outcome.Outcome == BlobUploadOutcome.AlreadyPresent),
            BlobBytesSent = outcomes.Sum(outcome => outcome.BytesSent),
            Requests = client.Traffic.Requests - requestsBefore,
            BytesSent = client.Traffic.BytesSent - bytesBefore,
        };
    }

    /// <summary>The record entries of the blobs this push may upload; base layers of the same registry are mounted from their own repository.</summary>
    private async Task<SharedBlobClaim?> ClaimSharedBlobsAsync(List<ImageBlob> blobs, CancellationToken cancellationToken) =>
        _options.ShareBlobsAcrossRepositories
            ? await SharedBlobClaim.AcquireAsync(cache.Directory, client.Registry,
                blobs.Where(blob => !(_options.MountBaseLayers && string.Equals(blob.Origin?.Registry, client.Registry, StringComparison.OrdinalIgnoreCase)))
                    .Select(blob => blob.Descriptor.Digest), cancellationToken).ConfigureAwait(false)
            : null;

    private async Task<List<(BlobUploadOutcome Outcome, long BytesSent)>> UploadBlobsAsync(string repository, List<ImageBlob> blobs, SharedBlobClaim? claim, CancellationToken cancellationToken)
    {
        var uploader = new BlobUploader(client, origins, cache, _options);
        var totalBytes = blobs.Sum(blob => blob.Descriptor.Size);
        long sentBytes = 0;
        var done = 0;
        var outcomes = new List<(BlobUploadOutcome, long)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelUploads), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(blobs, parallel, async (blob, token) =>
        {
            long blobBytes = 0;
            void OnBytesSent(long count)
            {
                Interlocked.Add(ref blobBytes, count);
                Report(Interlocked.Add(ref sentBytes, count), Volatile.Read(ref done));
            }

            var outcome = await uploader.UploadAsync(repository, blob, OnBytesSent, token, claim?.MountSource(blob.Descriptor.Digest, repository)).ConfigureAwait(false);
            claim?.Observe(blob.Descriptor.Digest, repository, outcome);
            lock (outcomes)
            {
                outcomes.Add((outcome, Interlocked.Read(ref blobBytes)));
            }

            Report(Interlocked.Read(ref sentBytes), Interlocked.Increment(ref done));
        }).ConfigureAwait(false);
        return outcomes;

        void Report(long bytes, int finished) => _options.Progress?.Invoke(new PushProgress(bytes, totalBytes, finished, blobs.Count));
    }

    /// <summary>PUTs what the tag points at; false when an immutable tag already holds exactly this digest.</summary>
    private async Task<bool> PutTopManifestAsync(ImageBuildResult image, string repository, string tag, CancellationToken cancellationToken)
    {
        try
        {
            await client.PutManifestAsync(repository, tag, image.MediaType, image.TopManifestBytes, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RegistryException exception) when (exception.Code == RegistryErrorCodes.TagImmutable)
        {
            var existing = await client.GetManifestAsync(repository, tag, forPush: true, cancellationToken).ConfigureAwait(false);
            if (existing?.Digest == image.Digest)
            {
                return false;
            }

            throw new RegistryException(RegistryErrorCodes.TagImmutable,
                $"The tag '{tag}' in {client.Registry}/{repository} is immutable and points at {existing?.Digest ?? "another image"}, not at {image.Digest}. Use a new tag (e.g. the version or git sha) or make the repository's tags mutable.",
                exception.StatusCode, exception.RegistryErrorCode, exception);
        }
    }
}
