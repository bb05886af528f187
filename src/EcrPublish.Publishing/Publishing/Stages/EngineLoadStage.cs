using EcrPublish.Docker;
using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Loads the image into the local engine <c>EcrLoadInto</c> names, through its Docker-compatible API: the daemonless
/// build streamed as a docker-archive of the engine's platform; a Docker build, already in the engine that built it,
/// only named there.
/// </summary>
public sealed class EngineLoadStage(PublishConnections connections, IPublishLog log) : ILoadStage
{
    public async Task<LoadedImage> LoadAsync(EcrPublishRequest request, ImageBuildOutput image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engineKind = request.LoadInto ?? throw new InvalidOperationException("The pipeline loads only when EcrLoadInto is set.");
        var names = request.Tags.Select(tag => $"{request.Repository}:{tag}").ToList();
        switch (image)
        {
            case DockerBuildOutput docker:
                var engine = await docker.Engine.TagAsync(request.Repository, request.Tags, cancellationToken).ConfigureAwait(false);
                return new LoadedImage(engine, names, "the engine's");
            case DaemonlessBuildOutput daemonless:
                return await LoadAsync(engineKind, daemonless.Image, names, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"No load for {image.GetType().Name}.");
        }
    }

    private async Task<LoadedImage> LoadAsync(LocalEngine engineKind, ImageBuildResult image, List<string> names, CancellationToken cancellationToken)
    {
        var candidates = new DockerEndpointResolver(DockerEnvironment.FromProcess()).ResolveCandidates(engineKind);
        using var engine = await new DockerEngineConnector().ConnectAsync(candidates, cancellationToken).ConfigureAwait(false);
        var platformImage = EnginePlatformPicker.Pick(image, engine.Os, engine.Architecture, engineKind.ToString());
        var description = $"{engineKind} at {engine.Endpoint.Uri.OriginalString}";
        log.Detail($"EcrPublish: loading {platformImage.Digest} ({platformImage.Platform}) into {description}.");
        var writer = new OciLayoutWriter(connections.Cache, connections.Registries);
        var result = await new DockerImageLoader(engine).LoadAsync(
            (stream, token) => writer.WriteDockerArchiveAsync(platformImage, names, stream, token), cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw new EcrPublishException(PublishErrorCodes.LoadFailed,
                $"{description} refused to load {names[0]}: {error}. Check the engine's storage (free space) and its log, or load into the other engine (EcrLoadInto).");
        }

        return new LoadedImage(description, names, platformImage.Platform.ToString());
    }
}
