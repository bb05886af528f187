namespace EcrPublish.Images;

/// <summary>
/// Builds images without a Docker engine: resolves the base image, writes the app layers (reusing the
/// cache), writes config and manifest, and an index when several runtime identifiers are given.
/// Same inputs give the same digests.
/// </summary>
public sealed class ImageBuilder(LayerCache cache, IBaseImageSource baseImages)
{
    public async Task<ImageBuildResult> BuildAsync(ImageOptions options, CancellationToken cancellationToken)
    {
        if (options.Platforms.Count == 0)
        {
            throw new ImageBuildException(ImageErrorCodes.InvalidOption, "No runtime identifier to build an image for. Set ContainerRuntimeIdentifier(s).");
        }

        var timestamp = SourceDateEpoch.Resolve(options.Timestamp);
        var images = new List<BuiltImage>();
        foreach (var target in options.Platforms)
        {
            images.Add(await BuildOneAsync(target, options, timestamp, cancellationToken).ConfigureAwait(false));
        }

        if (images.Count == 1)
        {
            return new ImageBuildResult(images, null, null);
        }

        var manifestType = images[0].Manifest.MediaType;
        if (images.Any(image => image.Manifest.MediaType != manifestType))
        {
            throw new ImageBuildException(ImageErrorCodes.MixedMediaTypes,
                "The base images of the runtime identifiers use different media types (OCI and Docker). Use base images of one kind, or set the image format.");
        }

        var index = new ImageIndex(ImageFormat.Of(manifestType).Index, images.Select(image => image.ToDescriptor()).ToList());
        return new ImageBuildResult(images, index, index.ToJsonBytes());
    }

    private async Task<BuiltImage> BuildOneAsync(PlatformPublish target, ImageOptions options, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        var platform = Platform.FromRuntimeIdentifier(target.RuntimeIdentifier);
        var baseName = options.BaseImageByRuntimeIdentifier.TryGetValue(target.RuntimeIdentifier, out var specific) ? specific : options.BaseImage;
        var baseImage = string.IsNullOrWhiteSpace(baseName) || baseName == "scratch"
            ? BaseImage.Scratch(platform)
            : await baseImages.ResolveAsync(ImageReference.Parse(baseName), platform, cancellationToken).ConfigureAwait(false);
        var format = options.Format ?? baseImage.Format;

        var plan = LayerPlanner.Plan(target.PublishDirectory, options.WorkingDirectory, options.AppName);
        var layerBuilder = new LayerBuilder(cache, options.CompressionLevel);
        var layers = await BuildLayersAsync(layerBuilder, plan.Layers, timestamp, options.ReusableLayers, cancellationToken).ConfigureAwait(false);

        var configBytes = ImageConfigBuilder.Build(baseImage, platform, plan, layers, options, timestamp);
        var config = new Descriptor(format.Config, ContentDigest.Of(configBytes), configBytes.Length);

        var blobs = new List<ImageBlob>();
        var descriptors = new List<Descriptor>();
        foreach (var baseLayer in baseImage.Manifest?.Layers ?? [])
        {
            // gzip layers are the same bytes under either family's media type; never mix families in one manifest.
            var descriptor = baseLayer.MediaType is MediaTypes.OciLayerGzip or MediaTypes.DockerLayerGzip
                ? baseLayer with { MediaType = format.LayerGzip }
                : baseLayer;
            descriptors.Add(descriptor);
            blobs.Add(new ImageBlob(descriptor, cache.HasBlob(baseLayer.Digest) ? cache.BlobPath(baseLayer.Digest) : null, baseImage.Reference));
        }

        foreach (var layer in layers)
        {
            var descriptor = layer.ToDescriptor(format);
            descriptors.Add(descriptor);
            blobs.Add(new ImageBlob(descriptor, layer.BlobPath, layer.Origin));
        }

        blobs.Add(new ImageBlob(config, null, null) { Content = configBytes });
        var manifest = new ImageManifest(format.Manifest, config, descriptors);
        var manifestBytes = manifest.ToJsonBytes();
        return new BuiltImage(platform, manifest, manifestBytes, ContentDigest.Of(manifestBytes), configBytes, blobs, layers) { Base = baseImage };
    }

    // Layers are built a few at a time: a large one keeps every core busy with its own blocks, and the many small
    // ones (one block each: packages, the app) overlap. The order of the list, and so of the manifest, is the plan's.
    // Each build runs on a thread of its own (it waits for its blocks, which run on the pool); the first failure
    // stops the layers not yet finished, and awaiting rethrows it as it was (its error code intact).
    private static async Task<BuiltLayer[]> BuildLayersAsync(LayerBuilder builder, IReadOnlyList<LayerContent> contents, DateTimeOffset timestamp, PublishedLayers? published, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Environment.ProcessorCount);
        var builds = contents.Select(async content =>
        {
            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                return await Task.Factory.StartNew(() => builder.Build(content, timestamp, published, failed.Token),
                    failed.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        return await Task.WhenAll(builds).ConfigureAwait(false);
    }
}
