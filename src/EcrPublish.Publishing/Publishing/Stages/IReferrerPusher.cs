namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Pushes one referrer to a registry (the OCI referrers API, or the tag schema where a registry lacks it); the
/// registry layer implements it and <see cref="ReferrerAttachStage"/> uses it.
/// </summary>
public interface IReferrerPusher
{
    /// <summary>Pushes <paramref name="artifact"/> with <paramref name="subjectDigest"/> as its subject; returns its manifest digest.</summary>
    Task<string> PushAsync(PushTarget target, string subjectDigest, ReferrerArtifact artifact, CancellationToken cancellationToken);
}
