namespace EcrPublish.Publishing.Stages;

/// <summary>Provisions the repository through the ECR API (<see cref="RepositoryProvisioner"/>).</summary>
public sealed class EcrProvisionStage(PublishConnections connections, IPublishLog log) : IProvisionStage
{
    public Task<ProvisionedRepository> ProvisionAsync(EcrPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RepositoryProvisioner(connections.Ecr, log).EnsureAsync(request.Repository, request.RegistryId, request.RepositorySettings, cancellationToken);
    }
}
