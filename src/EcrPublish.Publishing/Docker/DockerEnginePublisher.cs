namespace EcrPublish.Docker;

/// <summary>
/// The Docker engine path end to end: build the Dockerfile, tag and push every tag, then check with the registry
/// that every tag points at the digest the engine pushed.
/// </summary>
public sealed class DockerEnginePublisher(DockerEngineConnection engine, PushedManifestVerifier verifier)
{
    /// <summary>Builds <paramref name="build"/> and pushes it to <paramref name="target"/>.</summary>
    public async Task<DockerPublishResult> PublishAsync(
        DockerBuildRequest build,
        DockerPushTarget target,
        Action<string>? onBuildLogLine = null,
        Action<DockerPushUpdate>? onPushProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var image = await new DockerImageBuilder(engine).BuildAsync(build, onBuildLogLine, cancellationToken).ConfigureAwait(false);
        return await PushAsync(image, target, onPushProgress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pushes an image built earlier to <paramref name="target"/>, so the repository can be made ready in between.</summary>
    public async Task<DockerPublishResult> PushAsync(
        DockerBuildResult image,
        DockerPushTarget target,
        Action<DockerPushUpdate>? onPushProgress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(target);
        var pushed = await new DockerImagePusher(engine).PushAsync(image.ImageId, target, onPushProgress, cancellationToken).ConfigureAwait(false);
        var layerSizes = await verifier.VerifyAsync(pushed, target.Credentials, cancellationToken).ConfigureAwait(false);
        var inspected = await engine.Client.Images.InspectImageAsync(image.ImageId, cancellationToken).ConfigureAwait(false);
        var bytesPushed = layerSizes is null || inspected.RootFS?.Layers is not { } diffIds
            ? null
            : PushedBytesCalculator.Sum(diffIds.ToList(), layerSizes, pushed.PushedLayerIds);
        return new DockerPublishResult(image.ImageId, pushed.Repository, pushed.Digest, pushed.Tags, bytesPushed);
    }
}
