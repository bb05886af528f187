using Docker.DotNet;
using Docker.DotNet.Models;

namespace EcrPublish.Docker;

/// <summary>Tags a built image with every tag and pushes each through the engine, with the credentials sent as X-Registry-Auth.</summary>
public sealed class DockerImagePusher(DockerEngineConnection engine)
{
    /// <summary>Tags <paramref name="imageId"/> and pushes every tag of <paramref name="target"/>.</summary>
    /// <returns>The digest all tags point at (they must agree) and the layers the engine uploaded.</returns>
    public async Task<DockerPushResult> PushAsync(string imageId, DockerPushTarget target, Action<DockerPushUpdate>? onProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var repository = DockerRepositoryName.Parse(target.Repository);
        if (target.Tags.Count == 0)
        {
            throw new DockerEngineException(DockerErrorCodes.InvalidImageReference, $"No tag was given for {target.Repository}; give at least one tag.");
        }

        foreach (var tag in target.Tags)
        {
            DockerRepositoryName.ValidateTag(tag);
        }

        var name = repository.ToString();
        foreach (var tag in target.Tags)
        {
            await TagAsync(imageId, name, tag, cancellationToken).ConfigureAwait(false);
        }

        // The engine wants an X-Registry-Auth header on every push; an empty config means "no credentials".
        var auth = target.Credentials?.ToAuthConfig(repository.Registry) ?? new AuthConfig();
        string? digest = null;
        var pushedLayers = new HashSet<string>(StringComparer.Ordinal);
        var layersReported = false;
        foreach (var tag in target.Tags)
        {
            var progress = new DockerPushProgress(tag, onProgress);
            try
            {
                await engine.Client.Images.PushImageAsync(name, new ImagePushParameters { Tag = tag }, auth, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException exception)
            {
                throw PushFailed(name, tag, DockerEngineErrorMessage.From(exception.ResponseBody), target.Credentials);
            }

            if (progress.ErrorMessage is { } error)
            {
                throw PushFailed(name, tag, error, target.Credentials);
            }

            var tagDigest = progress.Digest ?? throw new DockerEngineException(DockerErrorCodes.PushDigestMissing,
                $"The engine at {engine.Endpoint.Describe()} pushed {name}:{tag} but did not report the manifest digest. Check the engine's version and log.");
            if (digest is not null && digest != tagDigest)
            {
                throw new DockerEngineException(DockerErrorCodes.DigestMismatch,
                    $"The tags of {name} were pushed at different digests ({digest} and {tag} at {tagDigest}). Another push may be racing this one; publish again.");
            }

            digest = tagDigest;
            pushedLayers.UnionWith(progress.PushedLayerIds);
            layersReported |= progress.ReportedLayers;
        }

        return new DockerPushResult(name, target.Tags, digest!, layersReported ? pushedLayers : null);
    }

    /// <summary>Names <paramref name="imageId"/> <paramref name="name"/>:<paramref name="tag"/> in the engine.</summary>
    internal async Task TagAsync(string imageId, string name, string tag, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Images.TagImageAsync(imageId, new ImageTagParameters { RepositoryName = name, Tag = tag }, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException exception)
        {
            throw new DockerEngineException(DockerErrorCodes.TagFailed,
                $"The engine could not tag {imageId} as {name}:{tag}: {DockerEngineErrorMessage.From(exception.ResponseBody)}.", exception);
        }
    }

    private static DockerEngineException PushFailed(string name, string tag, string reason, DockerRegistryCredentials? credentials)
    {
        var message = credentials?.Redact(reason) ?? reason;
        var hint = message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) || message.Contains("authentication", StringComparison.OrdinalIgnoreCase)
            ? "Check the registry credentials (for ECR, that the token is fresh and the role may push to this repository)."
            : "Check that the registry is reachable from the engine and accepts pushes to this repository.";
        return new DockerEngineException(DockerErrorCodes.PushFailed, $"The push of {name}:{tag} failed: {message}. {hint}");
    }
}
