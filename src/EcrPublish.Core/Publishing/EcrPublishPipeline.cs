using EcrPublish.Validation;

namespace EcrPublish.Publishing;

/// <summary>
/// The one entry point that turns a validated <see cref="EcrPublishRequest"/> into a pushed (and scanned)
/// image: ensure the repository, build the image, push it, scan, gate, write results.
/// </summary>
public sealed class EcrPublishPipeline
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Gets the ECR client and image engine as instance state when the pipeline is wired.")]
    public Task<EcrPublishResult> PublishAsync(EcrPublishRequest request, IPublishLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        cancellationToken.ThrowIfCancellationRequested();

        // SEAM: the ECR client (EcrPublish.Aws) and the image engine (EcrPublish.Images / EcrPublish.Registry)
        // are developed on other branches; the lead wires them in here. Until then nothing is pushed.
        throw new EcrPublishException(
            InputCodes.PipelineNotWired,
            $"The inputs for {request.Repository} are valid, but this EcrPublish build cannot push images yet: the build/push pipeline is not wired in. Use a released EcrPublish package.");
    }
}
