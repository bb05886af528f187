using System.Text.RegularExpressions;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// Attaches artifacts to an image already in the repository as OCI 1.1 referrers: per artifact an image manifest with
/// <c>artifactType</c>, the empty config and one layer (the artifact), <c>subject</c> = the image, pushed by digest.
/// Lists the subject's referrers first (one request on a registry with the referrers API), so a publish without
/// change sends no blob and no manifest. Where the registry has no referrers API (404) the referrers tag
/// <c>sha256-&lt;hex&gt;</c> is kept up to date: read, existing entries kept, ours added, written back, checked.
/// Requests per new artifact: its blob in two (POST, then PUT with the body; no HEAD: a document new to the listing is
/// new to the repository, and sending a few kilobytes again costs less than asking), then its manifest. The empty config
/// every artifact shares is in any repository that ever received one, so it is not asked about either: the first
/// manifest is put, and only when the registry answers that a blob it references is unknown is the config uploaded and
/// the manifest put again. In a repository this publish created (<see cref="PushOptions.RepositoryIsNew"/>) the config is
/// uploaded first, without a HEAD.
/// </summary>
public sealed partial class ArtifactAttacher(RegistryClient client, RegistryClientPool origins, LayerCache cache, PushOptions? options = null)
{
    private readonly bool _repositoryIsNew = options?.RepositoryIsNew ?? false;
    private readonly PushOptions _options = (options ?? new PushOptions()) with { RepositoryIsNew = true, UploadMode = UploadMode.PutWithBody };

    /// <summary>Attaches one artifact to <paramref name="subject"/> (a manifest or index in <paramref name="repository"/>) and returns the artifact manifest's descriptor.</summary>
    public async Task<Descriptor> AttachAsync(string repository, Descriptor subject, ReferrerArtifact artifact, CancellationToken cancellationToken) =>
        (await AttachAsync(repository, subject, [artifact], cancellationToken).ConfigureAwait(false)).Referrers[0];

    /// <summary>Attaches <paramref name="artifacts"/> to <paramref name="subject"/>; those already referring to it (same digest) are not sent again.</summary>
    public async Task<AttachResult> AttachAsync(string repository, Descriptor subject, IReadOnlyList<ReferrerArtifact> artifacts, CancellationToken cancellationToken)
    {
        Validate(subject, artifacts);
        var requestsBefore = client.Traffic.Requests;
        var manifests = artifacts.Select(artifact => (Artifact: artifact, Bytes: artifact.ManifestFor(subject).ToJsonBytes())).ToList();
        var referrers = manifests.Select(manifest => new Descriptor(MediaTypes.OciManifest, ContentDigest.Of(manifest.Bytes), manifest.Bytes.Length)
        {
            ArtifactType = manifest.Artifact.ArtifactType,
            Annotations = manifest.Artifact.Annotations is { Count: > 0 } annotations ? annotations : null,
        }).ToList();

        var record = ReferrersApiRecord.In(cache);
        var listing = await new ReferrersReader(client, record).ListAsync(repository, subject.Digest, artifactType: null, cancellationToken).ConfigureAwait(false);
        var present = listing.Referrers.Select(referrer => referrer.Digest).ToHashSet(StringComparer.Ordinal);
        var missing = Enumerable.Range(0, manifests.Count).Where(i => !present.Contains(referrers[i].Digest)).DistinctBy(i => referrers[i].Digest).ToList();

        var blobsUploaded = 0;
        var registryIndexed = listing.FromReferrersApi;
        if (missing.Count > 0)
        {
            blobsUploaded = await UploadBlobsAsync(repository, [.. missing.Select(i => artifacts[i])], cancellationToken).ConfigureAwait(false);
            var configPresent = _repositoryIsNew;
            foreach (var i in missing)
            {
                ManifestPutResponse response;
                try
                {
                    response = await client.PutManifestWithResponseAsync(repository, referrers[i].Digest, MediaTypes.OciManifest, manifests[i].Bytes, cancellationToken).ConfigureAwait(false);
                }
                catch (RegistryException exception) when (!configPresent && IsBlobUnknown(exception))
                {
                    blobsUploaded += await UploadAsync(repository, ReferrerArtifact.EmptyConfigDescriptor, ReferrerArtifact.EmptyConfig, askFirst: true, cancellationToken).ConfigureAwait(false);
                    response = await client.PutManifestWithResponseAsync(repository, referrers[i].Digest, MediaTypes.OciManifest, manifests[i].Bytes, cancellationToken).ConfigureAwait(false);
                }

                configPresent = true;
                // Spec 1.1: a registry that answers OCI-Subject lists the manifest in its referrers API itself.
                registryIndexed |= string.Equals(response.OciSubject, subject.Digest, StringComparison.Ordinal);
            }

            if (registryIndexed && !listing.FromReferrersApi)
            {
                // The record said "no API", but the registry indexes referrers itself: ask its API from now on.
                ReferrersReader.Learned(client, record, hasApi: true);
            }
        }

        var tagUpdated = false;
        if (missing.Count > 0 && !registryIndexed)
        {
            await new ReferrersTagWriter(client).AddAsync(repository, subject.Digest, listing.Referrers, [.. missing.Select(i => referrers[i])], cancellationToken).ConfigureAwait(false);
            tagUpdated = true;
        }

        return new AttachResult
        {
            Referrers = referrers,
            ManifestsPushed = missing.Count,
            BlobsUploaded = blobsUploaded,
            ReferrersApi = registryIndexed,
            ReferrersTagUpdated = tagUpdated,
            Requests = client.Traffic.Requests - requestsBefore,
        };
    }

    private async Task<int> UploadBlobsAsync(string repository, IReadOnlyList<ReferrerArtifact> artifacts, CancellationToken cancellationToken)
    {
        var blobs = artifacts.Select(artifact => (Descriptor: artifact.LayerDescriptor, Content: artifact.Content));
        if (_repositoryIsNew)
        {
            blobs = blobs.Prepend((Descriptor: ReferrerArtifact.EmptyConfigDescriptor, Content: ReferrerArtifact.EmptyConfig));
        }

        // A few small blobs: all at once, so their round trips overlap.
        var uploads = await Task.WhenAll(blobs.DistinctBy(blob => blob.Descriptor.Digest, StringComparer.Ordinal)
            .Select(blob => UploadAsync(repository, blob.Descriptor, blob.Content, askFirst: false, cancellationToken))).ConfigureAwait(false);
        return uploads.Sum();
    }

    // askFirst: HEAD before uploading (the empty config after a manifest was refused: it may be the artifact's blob that is missing).
    private async Task<int> UploadAsync(string repository, Descriptor descriptor, byte[] content, bool askFirst, CancellationToken cancellationToken)
    {
        var uploader = new BlobUploader(client, origins, cache, _options with { RepositoryIsNew = !askFirst });
        var outcome = await uploader.UploadAsync(repository, new ImageBlob(descriptor, null, null) { Content = content }, null, cancellationToken).ConfigureAwait(false);
        return outcome == BlobUploadOutcome.Uploaded ? 1 : 0;
    }

    // Registries word a manifest whose blob they lack differently (distribution and LocalEcr MANIFEST_BLOB_UNKNOWN, others
    // BLOB_UNKNOWN, MANIFEST_INVALID or a code of their own): any 400/404 refusal of the manifest is answered by making
    // sure of the config and trying once more, which surfaces the registry's own error when the config was not the cause.
    private static bool IsBlobUnknown(RegistryException exception) =>
        exception.Code == RegistryErrorCodes.ManifestRejected || exception.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound;

    private static void Validate(Descriptor subject, IReadOnlyList<ReferrerArtifact> artifacts)
    {
        if (!ContentDigest.IsValid(subject.Digest) || !(MediaTypes.IsManifest(subject.MediaType) || MediaTypes.IsIndex(subject.MediaType)) || subject.Size <= 0)
        {
            throw Invalid($"The subject {subject.MediaType} {subject.Digest} ({subject.Size} bytes) is not an image manifest or index descriptor; attach artifacts to the pushed image's digest, media type and size.");
        }

        if (artifacts.Count == 0)
        {
            throw Invalid("No artifact was given to attach.");
        }

        foreach (var artifact in artifacts)
        {
            if (!MediaTypePattern().IsMatch(artifact.ArtifactType ?? "") || !MediaTypePattern().IsMatch(artifact.MediaType ?? ""))
            {
                throw Invalid($"The artifact type '{artifact.ArtifactType}' and media type '{artifact.MediaType}' must both be media types (type/subtype, RFC 6838), e.g. application/spdx+json.");
            }

            if (artifact.Content is not { Length: > 0 })
            {
                throw Invalid($"The {artifact.ArtifactType} artifact is empty; attach the document's bytes.");
            }
        }
    }

    private static RegistryException Invalid(string message) => new(ReferrerErrorCodes.ArtifactInvalid, message);

    // The image spec's media type grammar (RFC 6838 restricted names).
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex MediaTypePattern();
}
