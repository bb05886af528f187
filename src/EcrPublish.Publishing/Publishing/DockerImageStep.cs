using EcrPublish.Docker;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing;

/// <summary>
/// The Dockerfile path of the pipeline: the engine builds the project's Dockerfile with the publish output as
/// context (before the repository is made ready), then pushes every tag with the ECR token in X-Registry-Auth (in memory only, never in Docker's
/// config file), and the pushed digest is checked against the registry. Tags, labels and outputs are the
/// same as the daemonless path's.
/// </summary>
public sealed class DockerImageStep(IPublishLog log) : IDisposable
{
    private DockerEngineConnection? _engine;
    private DockerBuildResult? _image;

    /// <summary>Builds the Dockerfile; <paramref name="registryCredentials"/> serve FROM lines in those registries.</summary>
    public async Task BuildAsync(
        EcrPublishRequest request, ImageOptions imageOptions, IReadOnlyDictionary<string, RegistryCredential> registryCredentials, CancellationToken cancellationToken)
    {
        _engine = await new DockerEngineConnector().ConnectAsync(cancellationToken).ConfigureAwait(false);
        var build = new DockerBuildRequest
        {
            DockerfilePath = request.DockerfilePath ?? throw new InvalidOperationException("The request validator sets DockerfilePath for Docker builds."),
            PublishDirectory = request.DockerContextDirectory is null ? request.PublishDirectory : null,
            ContextDirectory = request.DockerContextDirectory,
            BuildArgs = BuildArgs(request),
            Labels = Labels(imageOptions),
            RegistryCredentials = registryCredentials.ToDictionary(pair => pair.Key, pair => new DockerRegistryCredentials(pair.Value.Username, pair.Value.Password)),
        };
        _image = await new DockerImageBuilder(_engine).BuildAsync(build, line => log.Normal(line), cancellationToken).ConfigureAwait(false);
        log.Detail($"EcrPublish: the Docker engine at {_engine.Endpoint} built {_image.ImageId}.");
    }

    /// <summary>Pushes every tag of the image <see cref="BuildAsync"/> built; returns the pushed digest.</summary>
    public async Task<string> PushAsync(EcrPublishRequest request, string pushHost, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        if (_engine is null || _image is null)
        {
            throw new InvalidOperationException("BuildAsync comes first.");
        }

        using var verifier = new PushedManifestVerifier();
        var dockerCredentials = credential is null ? null : new DockerRegistryCredentials(credential.Username, credential.Password);
        var result = await new DockerEnginePublisher(_engine, verifier).PushAsync(
            _image,
            new DockerPushTarget($"{pushHost}/{request.Repository}", request.Tags, dockerCredentials),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Digest;
    }

    /// <summary>
    /// Names the image <see cref="BuildAsync"/> built <paramref name="repository"/>:tag, for every tag, in the engine
    /// that built it (EcrLoadInto); returns that engine, for the log.
    /// </summary>
    public async Task<string> TagAsync(string repository, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (_engine is null || _image is null)
        {
            throw new InvalidOperationException("BuildAsync comes first.");
        }

        var pusher = new DockerImagePusher(_engine);
        foreach (var tag in tags)
        {
            await pusher.TagAsync(_image.ImageId, repository, tag, cancellationToken).ConfigureAwait(false);
        }

        return $"the engine that built it, at {_engine.Endpoint.Uri.OriginalString}";
    }

    public void Dispose() => _engine?.Dispose();

    // VERSION and GIT_SHA let the Dockerfile stamp what the daemonless path stamps; BASE_IMAGE carries
    // ContainerBaseImage for Dockerfiles that start with 'ARG BASE_IMAGE' / 'FROM ${BASE_IMAGE}'.
    private static Dictionary<string, string> BuildArgs(EcrPublishRequest request)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Project.Version is { Length: > 0 } version)
        {
            args["VERSION"] = version;
        }

        if (request.GitSha is { Length: > 0 } sha)
        {
            args["GIT_SHA"] = sha;
        }

        if (request.Container.BaseImage is { } baseImage)
        {
            args["BASE_IMAGE"] = baseImage;
        }

        foreach (var (name, value) in request.DockerBuildArgs)
        {
            args[name] = value;
        }

        return args;
    }

    private static Dictionary<string, string> Labels(ImageOptions imageOptions)
    {
        var labels = new Dictionary<string, string>(imageOptions.Labels, StringComparer.Ordinal);
        if (imageOptions.Version is { } version)
        {
            labels["org.opencontainers.image.version"] = version;
        }

        if (imageOptions.Revision is { } revision)
        {
            labels["org.opencontainers.image.revision"] = revision;
        }

        return labels;
    }
}
