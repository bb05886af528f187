namespace EcrPublish.Publishing.Stages;

/// <summary>
/// The real stages of one publish: the builder the request chose (daemonless or Docker) with its push, ECR's
/// provisioning and scans, referrers through the given pusher, and the result file. They share one
/// <see cref="PublishConnections"/>.
/// </summary>
public sealed class PublishStages : IPublishStages
{
    private readonly PublishConnections _connections;
    private readonly DockerImageStep? _dockerEngine;

    /// <param name="request">The publish; its builder decides the build and push stages.</param>
    /// <param name="log">Where the stages report progress.</param>
    /// <param name="connections">What the stages share; disposed with them.</param>
    /// <param name="time">The clock of the signing and scan waits.</param>
    /// <param name="attach">The attach stage.</param>
    public PublishStages(EcrPublishRequest request, IPublishLog log, PublishConnections connections, TimeProvider time, IAttachStage attach)
    {
        ArgumentNullException.ThrowIfNull(request);
        _connections = connections;
        if (request.ImageBuilder == ImageBuilderKind.Docker)
        {
            _dockerEngine = new DockerImageStep(log);
            ImageBuild = new DockerBuildStage(connections, _dockerEngine);
            Push = new CreateOnPushStage(new DockerPushStage(connections, request), request, () => new RepositoryProvisioner(connections.Ecr, log));
        }
        else
        {
            ImageBuild = new DaemonlessBuildStage(connections, log);
            Push = new CreateOnPushStage(new RegistryPushStage(connections, log), request, () => new RepositoryProvisioner(connections.Ecr, log));
        }

        Load = new EngineLoadStage(connections, log);
        Provision = new EcrProvisionStage(connections, log);
        Attach = attach;
        SigningWait = new EcrSigningWaitStage(connections, log, time);
        ScanGate = new EcrScanGateStage(connections, log, time);
        Report = new ResultFileReportStage();
    }

    public IImageBuildStage ImageBuild { get; }

    public ILoadStage Load { get; }

    public IProvisionStage Provision { get; }

    public IPushStage Push { get; }

    public IAttachStage Attach { get; }

    public ISigningWaitStage SigningWait { get; }

    public IScanGateStage ScanGate { get; }

    public IReportStage Report { get; }

    public void Dispose()
    {
        (Attach as IDisposable)?.Dispose();
        _dockerEngine?.Dispose();
        _connections.Dispose();
    }
}
