using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing.Stages;

/// <summary>Pushes a daemonless image through the registry API: blobs (uploaded, mounted or already there), then manifests, then tags.</summary>
public sealed class RegistryPushStage(PublishConnections connections) : IPushStage
{
    public async Task<PushedImage> PushAsync(ImageBuildOutput image, PushTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var built = (image as DaemonlessBuildOutput ?? throw new ArgumentException("The registry push stage pushes daemonless builds.", nameof(image))).Image;
        connections.AddEcrHost(target.EcrHost);
        var push = await new ImagePusher(connections.Registries.Get(target.RegistryHost), connections.Registries, connections.Cache, new PushOptions { RepositoryIsNew = target.RepositoryIsNew })
            .PushAsync(built, target.Repository, target.Tags, cancellationToken).ConfigureAwait(false);
        return new PushedImage(
            push.Digest,
            [.. built.Images.Select(platformImage => platformImage.Digest)],
            push.NoOp ? "unchanged, nothing sent" : $"{push.BlobsUploaded} layer(s) uploaded, {push.BlobsMounted} mounted, {push.BlobsAlreadyPresent} already there, {push.BlobBytesSent:N0} bytes")
        {
            Built = built,
            Descriptors = [new Descriptor(built.MediaType, built.Digest, built.TopManifestBytes.Length), .. built.Images.Select(platformImage => platformImage.ToDescriptor())],
        };
    }
}
