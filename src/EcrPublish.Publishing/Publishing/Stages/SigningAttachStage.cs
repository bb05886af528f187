using EcrPublish.Images;
using EcrPublish.Registry;
using EcrPublish.Signing;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// After <paramref name="inner"/> attached the SBOM and provenance, signs the pushed image (the index of a multi-arch
/// image, else the manifest) with a Notation signature attached as a referrer (referrers API, else the referrers tag).
/// A signature that already refers to the image and verifies with the same public key is kept and none is made:
/// ECDSA signatures differ every time, so making one again would add a referrer to every re-publish.
/// </summary>
/// <param name="inner">The attach stage of the SBOM and provenance.</param>
/// <param name="settings">The key and certificate.</param>
/// <param name="connections">The registry clients.</param>
/// <param name="openSigner">Opens the key (<see cref="Signing.SigningKeyOpener"/>).</param>
/// <param name="check">Decides whether an existing envelope is a valid signature by the key.</param>
/// <param name="time">The clock of the signing time.</param>
/// <param name="log">Where the stage says what it signed.</param>
public sealed class SigningAttachStage(
    IAttachStage inner,
    SigningSettings settings,
    PublishConnections connections,
    Func<SigningSettings, CancellationToken, Task<ISignatureSigner>> openSigner,
    ISignatureEnvelopeCheck check,
    TimeProvider time,
    IPublishLog log) : IAttachStage, IDisposable
{
    private ISignatureSigner? _signer;

    /// <summary>Opens the key now (a KMS key: GetPublicKey, matched with the certificate), so a key that cannot sign stops the publish before the push.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await inner.PrepareAsync(cancellationToken).ConfigureAwait(false);
        _signer ??= await openSigner(settings, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AttachedReferrer>> AttachAsync(PushTarget target, PushedImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(image);
        var attached = await inner.AttachAsync(target, image, cancellationToken).ConfigureAwait(false);
        var signer = _signer ?? await openSigner(settings, cancellationToken).ConfigureAwait(false);
        _signer = null;
        try
        {
            var client = connections.Registries.Get(target.RegistryHost);
            var subject = await RegistryReferrerPusher.SubjectAsync(client, target.Repository, image.Digest, image.Descriptors, cancellationToken).ConfigureAwait(false);
            var publicKey = signer.CertificateChain[0].PublicKey.ExportSubjectPublicKeyInfo();
            var digest = await ExistingSignatureAsync(client, target.Repository, subject, publicKey, cancellationToken).ConfigureAwait(false);
            if (digest is not null)
            {
                log.Detail($"EcrPublish: {subject.Digest} is already signed by this key ({digest}); no new signature.");
            }
            else
            {
                var signature = await NotationSignatureWriter.CreateAsync(subject, signer, time.GetUtcNow(), "EcrPublish/" + SupplyChainDocuments.ToolVersion, cancellationToken).ConfigureAwait(false);
                digest = (await new ArtifactAttacher(client, connections.Registries, connections.Cache).AttachAsync(target.Repository, subject, signature, cancellationToken).ConfigureAwait(false)).Digest;
                log.Detail($"EcrPublish: signed {subject.Digest} ({signer.Algorithm.Name}, {signer.CertificateChain[0].Subject}): {digest}.");
            }

            return [.. attached, new AttachedReferrer(NotationMediaTypes.SignatureArtifactType, digest, subject.Digest)];
        }
        finally
        {
            (signer as IDisposable)?.Dispose();
        }
    }

    /// <summary>Releases a key opened by <see cref="PrepareAsync"/> that no attach used (the push failed).</summary>
    public void Dispose()
    {
        (_signer as IDisposable)?.Dispose();
        _signer = null;
    }

    private async Task<string?> ExistingSignatureAsync(RegistryClient client, string repository, Descriptor subject, byte[] publicKey, CancellationToken cancellationToken)
    {
        var listing = await new ReferrersReader(client).ListAsync(repository, subject.Digest, NotationMediaTypes.SignatureArtifactType, cancellationToken).ConfigureAwait(false);
        foreach (var referrer in listing.Referrers)
        {
            var manifest = await client.GetManifestAsync(repository, referrer.Digest, forPush: true, cancellationToken).ConfigureAwait(false);
            if (manifest is null || !MediaTypes.IsManifest(manifest.MediaType))
            {
                continue;
            }

            var envelope = ImageManifest.Parse(manifest.Content, manifest.MediaType).Layers.FirstOrDefault(layer => layer.MediaType == NotationMediaTypes.JwsEnvelope);
            if (envelope is not null && check.IsValidSignature(await client.ReadBlobAsync(repository, envelope.Digest, cancellationToken).ConfigureAwait(false), subject, publicKey))
            {
                return referrer.Digest;
            }
        }

        return null;
    }
}
