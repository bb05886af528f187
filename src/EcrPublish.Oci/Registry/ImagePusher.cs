using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// The push engine. Checks the tags first (all already at our digest: nothing is sent), uploads the
/// missing blobs in bounded parallel, then PUTs manifests — children by digest, then the tags — so a
/// tag never points at a missing blob. An immutable tag already at our digest counts as success. Blobs the
/// tags' current manifests reference are in the repository already and are not asked about again; when the
/// repository holds the image itself (another tag, or its digest), no blob is asked about and only the new tags are PUT.
/// </summary>
/// <param name="client">The registry pushed to.</param>
/// <param name="origins">Registries of the base images, whose blobs are downloaded or mounted.</param>
/// <param name="cache">The layer cache holding the built blobs.</param>
/// <param name="options">How to push.</param>
/// <param name="tagStates">
/// Reads every tag's digest in one call (ECR's BatchGetImage) where the registry pushed to is the one it asks; when
/// null, or when it cannot tell, the registry is asked with a manifest GET per tag.
/// </param>
public sealed class ImagePusher(RegistryClient client, RegistryClientPool origins, LayerCache cache, PushOptions? options = null, ITagStateReader? tagStates = null)
{
    private readonly PushOptions _options = options ?? new PushOptions();

    public async Task<PushResult> PushAsync(ImageBuildResult image, string repository, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(tags);
        var requestsBefore = client.Traffic.Requests;
        var bytesBefore = client.Traffic.BytesSent;
        var digest = image.Digest;

        var distinctTags = tags.Distinct(StringComparer.Ordinal).ToList();
        // A repository this publish created has no tag to compare with and no blob.
        var states = _options.RepositoryIsNew
            ? new RemoteTagStates(new Dictionary<string, RemoteManifest?>(), ImagePresent: false)
            : await ReadTagStatesAsync(repository, distinctTags, digest, cancellationToken).ConfigureAwait(false);
        var unchanged = distinctTags.Where(tag => states.Tags.TryGetValue(tag, out var manifest) && manifest?.Digest == digest).ToList();
        var present = states.Tags.Values.OfType<RemoteManifest>().Where(manifest => manifest.Digest != digest)
            .SelectMany(ReferencedBlobs.Of).ToHashSet(StringComparer.Ordinal);

        var toTag = distinctTags.Except(unchanged, StringComparer.Ordinal).ToList();
        if (toTag.Count == 0 && (tags.Count > 0 || states.ImagePresent))
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
        if (states.ImagePresent)
        {
            // The repository holds the manifest, so every blob and child manifest: only the new tags are sent.
            present.UnionWith(blobs.Select(blob => blob.Descriptor.Digest));
        }

        var missing = blobs.Where(blob => !present.Contains(blob.Descriptor.Digest)).ToList();
        // Held until the manifests are in: a sibling publish waiting for one of these blobs then mounts it from here.
        using var claim = await ClaimSharedBlobsAsync(missing, cancellationToken).ConfigureAwait(false);
        var outcomes = await UploadBlobsAsync(repository, missing, claim, cancellationToken).ConfigureAwait(false);
        outcomes.AddRange(blobs.Where(blob => present.Contains(blob.Descriptor.Digest)).Select(_ => (BlobUploadOutcome.AlreadyPresent, 0L)));

        if (image.IndexBytes is not null && !states.ImagePresent)
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

    /// <summary>The tags' states from the faster reader when there is one and it can tell, else from the registry, a GET per tag.</summary>
    private async Task<RemoteTagStates> ReadTagStatesAsync(string repository, IReadOnlyList<string> tags, string digest, CancellationToken cancellationToken) =>
        (tagStates is null ? null : await tagStates.ReadAsync(repository, tags, digest, cancellationToken).ConfigureAwait(false))
        ?? (await new RegistryTagStateReader(client).ReadAsync(repository, tags, digest, cancellationToken).ConfigureAwait(false))!;

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
