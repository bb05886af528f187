using EcrPublish.Images;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.Signing;

namespace EcrPublish.LocalEcr.Signing;

/// <summary>
/// Managed signing: after a push stores a new image in a repository that a rule of the registry's signing configuration
/// covers, signs it once per such rule with <see cref="SigningKey"/> and stores each signature as the image's referrer in
/// the same repository, before the push is answered; the status reads IN_PROGRESS for <see cref="LocalEcrOptions.SigningDuration"/>
/// first, as ECR's asynchronous signing does.
/// Each rule's outcome is recorded on the image for DescribeImageSigningStatus. Signatures are not signed themselves.
/// </summary>
internal sealed class ImageSigner(LocalEcrOptions options, string dataDirectory, RepositoryStore repositories, BlobStore blobs, ImageCatalog catalog, RegistrySettingsStore settings)
{
    private static readonly byte[] EmptyConfig = "{}"u8.ToArray();

    private readonly Lazy<SigningKey> key = new(() => SigningKey.LoadOrCreate(dataDirectory, options.AccountId));

    public async Task SignAsync(string repositoryName, string digest, CancellationToken cancellationToken)
    {
        var rules = settings.Current.SigningRules?.Where(rule => rule.Covers(repositoryName)).ToList() ?? [];
        if (rules.Count == 0)
        {
            return;
        }

        using var handle = await repositories.LockAsync(repositoryName, cancellationToken);
        // Once per image, as ECR does: another tag for the same manifest (a publish pushes one per tag) is not a new image.
        if (handle.Record?.Images.GetValueOrDefault(digest) is not { } image || image.ArtifactType == NotationMediaTypes.SignatureArtifactType || image.SigningStatuses.Count > 0)
        {
            return;
        }

        var now = options.TimeProvider.GetUtcNow();
        image.SigningStatuses = rules.Select(rule => Sign(handle.Record, image, rule.SigningProfileArn, now, now + options.SigningDuration)).ToList();
        handle.Save();
    }

    private ImageSigningStatus Sign(RepositoryRecord repository, ImageRecord image, string signingProfileArn, DateTimeOffset now, DateTimeOffset completesAt)
    {
        try
        {
            var subject = new Descriptor(image.ManifestMediaType, image.Digest, image.ManifestSize);
            // The key is in memory: signing completes synchronously.
            var signature = NotationSignatureWriter.CreateAsync(subject, key.Value.Signer, now, "LocalEcr managed signing (" + signingProfileArn + ")", CancellationToken.None).GetAwaiter().GetResult();
            foreach (var blob in new[] { EmptyConfig, signature.Content })
            {
                repository.Blobs.Add(blobs.Put(blob));
            }

            var manifest = signature.ManifestFor(subject).ToJsonBytes();
            var result = catalog.Put(repository, manifest, ManifestReader.Read(manifest, declaredMediaType: null), null, now);
            return new ImageSigningStatus { SigningProfileArn = signingProfileArn, Status = "COMPLETE", CompletesAt = completesAt, SignatureDigest = result.Digest };
        }
        catch (Exception error) when (error is IOException or LocalEcrException)
        {
            // The push itself succeeded; as on ECR, a signing problem shows in the status, not in the push.
            Console.Error.WriteLine($"LocalEcr: signing {repository.Name}@{image.Digest} failed: {error.Message}");
            return new ImageSigningStatus { SigningProfileArn = signingProfileArn, Status = "FAILED", CompletesAt = completesAt, FailureCode = "SIGNING_ERROR", FailureReason = error.Message };
        }
    }
}
