namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Attaches the artifacts it is given, in order, each to its subject (the pushed image unless the artifact names one of
/// its platform images). With no artifact it attaches nothing and touches no registry.
/// </summary>
public sealed class ReferrerAttachStage(IReadOnlyList<ReferrerArtifact> artifacts, IReferrerPusher? pusher) : IAttachStage
{
    public async Task<IReadOnlyList<AttachedReferrer>> AttachAsync(PushTarget target, PushedImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (artifacts.Count == 0)
        {
            return [];
        }

        if (pusher is null)
        {
            throw new InvalidOperationException($"{artifacts.Count} referrer(s) to attach, but no referrer pusher was given to the stage factory.");
        }

        var attached = new List<AttachedReferrer>();
        foreach (var artifact in artifacts)
        {
            var subject = artifact.SubjectDigest ?? image.Digest;
            var digest = await pusher.PushAsync(target, subject, artifact, cancellationToken).ConfigureAwait(false);
            attached.Add(new AttachedReferrer(artifact.ArtifactType, digest, subject));
        }

        return attached;
    }
}
