using EcrPublish.Scanning;

namespace EcrPublish.Publishing.Stages;

/// <summary>Reads ECR's scan of each platform's image and gates on its findings (<see cref="ImageScanStep"/>).</summary>
public sealed class EcrScanGateStage(PublishConnections connections, IPublishLog log, TimeProvider time) : IScanGateStage
{
    public async Task<ScanResult> ScanAsync(EcrPublishRequest request, PushedImage image, ScanMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        var result = await new ImageScanStep(connections.Ecr, log, time).RunAsync(
            request.Repository, request.RegistryId, image.PlatformDigests, repositoryScansOnPush: false, request.Scan with { Mode = mode }, cancellationToken).ConfigureAwait(false);
        return result ?? throw new InvalidOperationException($"The scan stage runs only when scanning is on, and {mode} is not.");
    }
}
