namespace EcrPublish.Publishing.Stages;

/// <summary>Attaches referrers to a pushed image, before the scan gate decides whether the publish passes.</summary>
public interface IAttachStage
{
    /// <summary>Attaches this publish's referrers to <paramref name="image"/>; returns what it attached (nothing when there is nothing to attach).</summary>
    Task<IReadOnlyList<AttachedReferrer>> AttachAsync(PushTarget target, PushedImage image, CancellationToken cancellationToken);
}
