using EcrPublish.Scanning;

namespace EcrPublish.Publishing.Stages;

/// <summary>Reads ECR's scan of each platform's image and gates on its findings (<see cref="ImageScanStep"/>).</summary>
public sealed class EcrScanGateStage(PublishConnections connections, IPublishLog log, TimeProvider time) : IScanGateStage
{
    public async Task<ScanResult> ScanAsync(EcrPublishRequest request, PushTarget target, PushedImage image, ScanMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(image);
        var result = await new ImageScanStep(connections.Ecr, log, time).RunAsync(
            request.Repository, request.RegistryId, image.PlatformDigests, repositoryScansOnPush: false, request.Scan with { Mode = mode },
            new SarifImage(request.Repository, target.ImageUri, image.Digest), cancellationToken).ConfigureAwait(false);
        return result ?? throw new InvalidOperationException($"The scan stage runs only when scanning is on, and {mode} is not.");
    }
}
