using EcrPublish.EcrRules;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Pushes a daemonless image through the registry API: blobs (uploaded, mounted or already there), then manifests, then
/// tags. Where the registry pushed to is the repository's own ECR registry (no EcrRegistryEndpoint elsewhere), the tags'
/// digests are read in one ECR BatchGetImage call instead of a manifest GET per tag.
/// </summary>
public sealed class RegistryPushStage(PublishConnections connections, IPublishLog log) : IPushStage
{
    public async Task<PushedImage> PushAsync(ImageBuildOutput image, PushTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var built = (image as DaemonlessBuildOutput ?? throw new ArgumentException("The registry push stage pushes daemonless builds.", nameof(image))).Image;
        connections.AddEcrHost(target.EcrHost);
        var tagStates = string.Equals(target.RegistryHost, target.EcrHost, StringComparison.OrdinalIgnoreCase)
            ? new EcrApiTagStateReader(connections.Ecr, EcrRegistryHostName.Parse(target.EcrHost)?.RegistryId, log)
            : null;
        var push = await new ImagePusher(connections.Registries.Get(target.RegistryHost), connections.Registries, connections.Cache, new PushOptions { RepositoryIsNew = target.RepositoryIsNew }, tagStates)
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
