namespace EcrPublish.Publishing.Stages;

/// <summary>Attaches referrers to a pushed image, before the scan gate decides whether the publish passes.</summary>
public interface IAttachStage
{
    /// <summary>
    /// Checks, after the build and before anything is pushed, what attaching will need from outside (a KMS signing key:
    /// reachable, allowed, of the certificate's key), so that such a problem stops the publish before ECR changes. Nothing by default.
    /// </summary>
    Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Attaches this publish's referrers to <paramref name="image"/>; returns what it attached (nothing when there is nothing to attach).</summary>
    Task<IReadOnlyList<AttachedReferrer>> AttachAsync(PushTarget target, PushedImage image, CancellationToken cancellationToken);
}
