using EcrPublish.Scanning;

namespace EcrPublish.Publishing.Stages;

/// <summary>Reads the scan of a pushed image and fails the publish when its findings break the severity gate.</summary>
public interface IScanGateStage
{
    /// <summary>
    /// Scans (<see cref="ScanMode.Start"/>) or waits for the scan on push (<see cref="ScanMode.Wait"/>) of every platform's image,
    /// writes the SARIF file when asked (before the gate, so a failed gate still leaves it), then gates.
    /// </summary>
    Task<ScanResult> ScanAsync(EcrPublishRequest request, PushTarget target, PushedImage image, ScanMode mode, CancellationToken cancellationToken);
}
