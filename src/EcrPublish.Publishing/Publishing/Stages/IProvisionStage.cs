namespace EcrPublish.Publishing.Stages;

/// <summary>Makes the repository of a publish exist with its declared settings and policies.</summary>
public interface IProvisionStage
{
    /// <summary>
    /// Starts, while the image is built, the ECR reads provisioning will need that change nothing (the repository's
    /// description, the registry token). Their errors surface from <see cref="ProvisionAsync"/>, after a successful build, so a
    /// build failure is reported as such; the token is <paramref name="cancellationToken"/>, cancelled when the build fails. Nothing by default.
    /// </summary>
    void StartReading(EcrPublishRequest request, CancellationToken cancellationToken)
    {
    }

    /// <summary>The repository to push to, and whether this publish created it.</summary>
    Task<ProvisionedRepository> ProvisionAsync(EcrPublishRequest request, CancellationToken cancellationToken);
}
