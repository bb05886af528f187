using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Pushes referrers through <see cref="ArtifactAttacher"/> (referrers API, else the referrers tag), so an artifact that
/// already refers to its subject is not sent again.
/// </summary>
/// <param name="connections">The publish's registry clients and layer cache.</param>
/// <param name="knownSubjects">Descriptors of the images just pushed; any other subject is read from the registry.</param>
public sealed class RegistryReferrerPusher(PublishConnections connections, IReadOnlyList<Descriptor> knownSubjects) : IReferrerPusher
{
    public async Task<string> PushAsync(PushTarget target, string subjectDigest, ReferrerArtifact artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return (await PushAllAsync(target, subjectDigest, [artifact], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Pushes several referrers of one subject after one listing of its referrers; returns their manifest digests in order.</summary>
    public async Task<IReadOnlyList<string>> PushAllAsync(PushTarget target, string subjectDigest, IReadOnlyList<ReferrerArtifact> artifacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(artifacts);
        var client = connections.Registries.Get(target.RegistryHost);
        var subject = await SubjectAsync(client, target.Repository, subjectDigest, knownSubjects, cancellationToken).ConfigureAwait(false);
        var attached = await new ArtifactAttacher(client, connections.Registries, connections.Cache, new PushOptions { RepositoryIsNew = target.RepositoryIsNew })
            .AttachAsync(target.Repository, subject, [.. artifacts.Select(artifact => new Registry.ReferrerArtifact(artifact.ArtifactType, artifact.MediaType, artifact.Content.ToArray()))], cancellationToken)
            .ConfigureAwait(false);
        return [.. attached.Referrers.Select(referrer => referrer.Digest)];
    }

    /// <summary>The descriptor of <paramref name="digest"/>, from <paramref name="knownSubjects"/> or else the registry.</summary>
    internal static async Task<Descriptor> SubjectAsync(RegistryClient client, string repository, string digest, IReadOnlyList<Descriptor> knownSubjects, CancellationToken cancellationToken) =>
        knownSubjects.FirstOrDefault(known => known.Digest == digest) ?? await RemoteSubjectAsync(client, repository, digest, cancellationToken).ConfigureAwait(false);

    // The Docker builder's push reports only a digest: its media type and size come from the registry.
    private static async Task<Descriptor> RemoteSubjectAsync(RegistryClient client, string repository, string digest, CancellationToken cancellationToken)
    {
        var manifest = await client.GetManifestAsync(repository, digest, forPush: false, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryException(ReferrerErrorCodes.ArtifactInvalid,
                $"The image {digest} is not in {client.Registry}/{repository}, so nothing can be attached to it. Publish again; if it fails the same way, the registry lost the image after the push.");
        return new Descriptor(manifest.MediaType, manifest.Digest, manifest.Content.Length);
    }
}
