namespace EcrPublish.Publishing.Stages;

/// <summary>Makes the repository of a publish exist with its declared settings and policies.</summary>
public interface IProvisionStage
{
    /// <summary>The repository to push to, and whether this publish created it.</summary>
    Task<ProvisionedRepository> ProvisionAsync(EcrPublishRequest request, CancellationToken cancellationToken);
}
