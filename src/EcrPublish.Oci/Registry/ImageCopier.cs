using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Copies an image by digest from one repository to another, in one registry or across registries (another region or
/// account): what <see cref="CopyPlanReader"/> read — every platform image of an index and every referrer — with the
/// blobs first (HEAD; a cross-repository mount within one registry; else streamed from the source, hashed on the way,
/// nothing of the image kept on disk or in memory), then the manifests by digest, each after what it lists and after
/// its subject (the referrers tag kept where the destination has no referrers API: read and written once per subject), then the tag last, so a tag never
/// names an image whose parts or signatures are still missing. The digest is the same at the destination.
/// </summary>
public sealed class ImageCopier(RegistryClient source, RegistryClient destination, PushOptions? options = null)
{
    private readonly PushOptions _options = options ?? new PushOptions();

    /// <summary>
    /// Copies <paramref name="plan"/> from <paramref name="sourceRepository"/> to <paramref name="destinationRepository"/>
    /// and tags it <paramref name="tag"/> there (none: by digest only); ECR7034 when an immutable tag names another image.
    /// <paramref name="status"/> hears what is being done.
    /// </summary>
    public async Task<ImageCopyResult> CopyAsync(CopyPlan plan, string sourceRepository, string destinationRepository, string? tag, Action<string>? status, CancellationToken cancellationToken)
    {
        status?.Invoke($"Copying {plan.Blobs.Count} blob(s) to {destination.Registry}/{destinationRepository}");
        var uploader = new BlobUploader(destination, _options);
        long streamedBytes = 0;
        using var slots = new SemaphoreSlim(Math.Max(1, _options.MaxParallelUploads));
        var outcomes = await Task.WhenAll(plan.Blobs.Select(async blob =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var outcome = await uploader.CopyFromAsync(destinationRepository, blob, source, sourceRepository, null, cancellationToken).ConfigureAwait(false);
                if (outcome == BlobUploadOutcome.Uploaded)
                {
                    Interlocked.Add(ref streamedBytes, blob.Size);
                }

                return outcome;
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);

        status?.Invoke($"Putting {plan.Manifests.Count} manifest(s) into {destination.Registry}/{destinationRepository}");
        var manifests = new List<(CopyManifest, bool)>();
        var untagged = new Dictionary<string, List<Descriptor>>(StringComparer.Ordinal);
        foreach (var manifest in plan.Manifests)
        {
            manifests.Add((manifest, await PutAsync(destinationRepository, manifest, untagged, cancellationToken).ConfigureAwait(false)));
        }

        // One read and one write of each subject's referrers tag for all its referrers, as ArtifactAttacher does.
        foreach (var (subject, referrers) in untagged)
        {
            var listing = await new ReferrersReader(destination).ListAsync(destinationRepository, subject, artifactType: null, cancellationToken).ConfigureAwait(false);
            if (!listing.FromReferrersApi)
            {
                await new ReferrersTagWriter(destination).AddAsync(destinationRepository, subject, listing.Referrers, referrers, cancellationToken).ConfigureAwait(false);
            }
        }

        var tagMoved = tag is not null && await TagAsync(destinationRepository, plan.Image, tag, cancellationToken).ConfigureAwait(false);
        return new ImageCopyResult
        {
            Digest = plan.Image.Descriptor.Digest,
            Manifests = manifests,
            BlobsPresent = outcomes.Count(outcome => outcome == BlobUploadOutcome.AlreadyPresent),
            BlobsMounted = outcomes.Count(outcome => outcome == BlobUploadOutcome.Mounted),
            BlobsStreamed = outcomes.Count(outcome => outcome == BlobUploadOutcome.Uploaded),
            BytesStreamed = streamedBytes,
            Tag = tag,
            TagMoved = tagMoved,
        };
    }

    /// <summary>
    /// Puts one manifest by digest unless the destination has it; false when it had. A referrer the destination did not
    /// take as one of its subject's (no <c>OCI-Subject</c> answer) goes into <paramref name="untagged"/> under its
    /// subject, for the referrers tag.
    /// </summary>
    private async Task<bool> PutAsync(string repository, CopyManifest manifest, Dictionary<string, List<Descriptor>> untagged, CancellationToken cancellationToken)
    {
        var digest = manifest.Descriptor.Digest;
        if (await destination.ManifestDigestAsync(repository, digest, cancellationToken).ConfigureAwait(false) == digest)
        {
            return false;
        }

        // The client checks that the destination stored it under the same digest.
        var response = await destination.PutManifestWithResponseAsync(repository, digest, manifest.Descriptor.MediaType, manifest.Content, cancellationToken).ConfigureAwait(false);
        if (manifest.SubjectDigest is { } subject && !string.Equals(response.OciSubject, subject, StringComparison.Ordinal))
        {
            (untagged.TryGetValue(subject, out var referrers) ? referrers : untagged[subject] = []).Add(manifest.Descriptor);
        }

        return true;
    }

    /// <summary>Points <paramref name="tag"/> at the image; false when it already did.</summary>
    private async Task<bool> TagAsync(string repository, CopyManifest image, string tag, CancellationToken cancellationToken)
    {
        var current = await destination.ManifestDigestAsync(repository, tag, cancellationToken).ConfigureAwait(false);
        if (current == image.Descriptor.Digest)
        {
            return false;
        }

        try
        {
            await destination.PutManifestAsync(repository, tag, image.Descriptor.MediaType, image.Content, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RegistryException exception) when (exception.Code == RegistryErrorCodes.TagImmutable)
        {
            throw new RegistryException(CopyErrorCodes.TagPointsElsewhere,
                $"The tag '{tag}' of {destination.Registry}/{repository} is immutable and names {current ?? "another image"}, not {image.Descriptor.Digest}. " +
                $"The image was copied by digest ({repository}@{image.Descriptor.Digest}); give another --destination tag, or make the repository's tags mutable.",
                exception.StatusCode, exception.RegistryErrorCode, exception);
        }
    }
}
