using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>Builds the image without Docker: base image from its registry, app layers from the publish folder, into the layer cache.</summary>
public sealed class DaemonlessBuildStage(PublishConnections connections, IPublishLog log) : IImageBuildStage
{
    public async Task<ImageBuildOutput> BuildAsync(EcrPublishRequest request, ImageOptions imageOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageOptions);
        IBaseImageSource baseImages = new BaseImageResolver(connections.Registries, connections.Cache);
        if (request.Push && request.SupplyChain.Sbom)
        {
            // The SBOM reads the base image's package databases: that read overlaps the build and the push.
            baseImages = new ResolvedBaseImageObserver(baseImages, connections.BaseInventories.Start);
        }

        var image = await new ImageBuilder(connections.Cache, baseImages).BuildAsync(imageOptions, cancellationToken).ConfigureAwait(false);
        log.Detail($"EcrPublish: built {image.Digest} on {imageOptions.BaseImage ?? "scratch"}.");
        if (request.ArchiveFile is { } archive)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
            await new OciLayoutWriter(connections.Cache, connections.Registries).WriteArchiveAsync(image, archive, $"{request.Repository}:{request.Tags[0]}", cancellationToken).ConfigureAwait(false);
            log.Important($"EcrPublish: wrote the image to {archive} (docker load, or an OCI archive).");
        }

        return new DaemonlessBuildOutput(image);
    }
}
