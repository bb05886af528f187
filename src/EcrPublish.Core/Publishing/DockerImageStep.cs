using EcrPublish.Docker;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing;

/// <summary>
/// The Dockerfile path of the pipeline: the engine builds the project's Dockerfile with the publish output as
/// context, then pushes every tag with the ECR token in X-Registry-Auth (in memory only, never in Docker's
/// config file), and the pushed digest is checked against the registry. Tags, labels and outputs are the
/// same as the daemonless path's.
/// </summary>
public sealed class DockerImageStep(IPublishLog log)
{
    public async Task<string> PublishAsync(
        EcrPublishRequest request, ImageOptions imageOptions, string pushHost, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        if (request.DockerfileNextToProjectChoseDocker)
        {
            log.Important($"EcrPublish: building {request.DockerfilePath} with a Docker engine, because it lies next to the project. Set EcrImageBuilder=Daemonless to build without Docker.");
        }

        using var engine = await new DockerEngineConnector().ConnectAsync(cancellationToken).ConfigureAwait(false);
        using var verifier = new PushedManifestVerifier();
        var dockerCredentials = credential is null ? null : new DockerRegistryCredentials(credential.Username, credential.Password);
        var build = new DockerBuildRequest
        {
            DockerfilePath = request.DockerfilePath ?? throw new InvalidOperationException("The request validator sets DockerfilePath for Docker builds."),
            PublishDirectory = request.DockerContextDirectory is null ? request.PublishDirectory : null,
            ContextDirectory = request.DockerContextDirectory,
            BuildArgs = BuildArgs(request),
            Labels = Labels(imageOptions),
            RegistryCredentials = dockerCredentials is null
                ? new Dictionary<string, DockerRegistryCredentials>()
                : new Dictionary<string, DockerRegistryCredentials> { [pushHost] = dockerCredentials },
        };
        var result = await new DockerEnginePublisher(engine, verifier).PublishAsync(
            build,
            new DockerPushTarget($"{pushHost}/{request.Repository}", request.Tags, dockerCredentials),
            line => log.Normal(line),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        log.Detail($"EcrPublish: the Docker engine at {engine.Endpoint} built {result.ImageId}.");
        return result.Digest;
    }

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
