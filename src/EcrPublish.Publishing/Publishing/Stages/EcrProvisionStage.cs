using EcrPublish.Aws.Model;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Provisions the repository through the ECR API (<see cref="RepositoryProvisioner"/>). <see cref="StartReading"/> asks
/// ECR, while the image is built, what changes nothing: the repository's description and the push registry's token.
/// </summary>
public sealed class EcrProvisionStage(PublishConnections connections, IPublishLog log) : IProvisionStage
{
    private Task<Repository?>? _described;

    public void StartReading(EcrPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // In the background from the first line: even making the ECR client (credentials, profile) must not delay or
        // pre-empt the build, whose failure is the one to report.
        _described = Observed(Task.Run(() => new RepositoryProvisioner(connections.Ecr, log).DescribeAsync(request.Repository, request.RegistryId, cancellationToken), cancellationToken));
        foreach (var host in connections.EcrHosts.ToList())
        {
            _ = Observed(Task.Run(() => connections.Credentials.GetAsync(host, refresh: false, cancellationToken), cancellationToken));
        }
    }

    public Task<ProvisionedRepository> ProvisionAsync(EcrPublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var provisioner = new RepositoryProvisioner(connections.Ecr, log);
        var described = _described ?? provisioner.DescribeAsync(request.Repository, request.RegistryId, cancellationToken);
        _described = null;
        return provisioner.EnsureAsync(request.Repository, request.RegistryId, request.RepositorySettings, described, cancellationToken);
    }

    // A read nobody awaits (the build failed) must not raise an unobserved task exception; whoever awaits it sees its error.
    private static Task<T> Observed<T>(Task<T> read)
    {
        _ = read.ContinueWith(task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return read;
    }
}
