using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>Builds the project's Dockerfile with a Docker engine; FROM lines may name this account's ECR registry.</summary>
public sealed class DockerBuildStage(PublishConnections connections, DockerImageStep engine) : IImageBuildStage
{
    public async Task<ImageBuildOutput> BuildAsync(EcrPublishRequest request, ImageOptions imageOptions, CancellationToken cancellationToken)
    {
        // FROM lines may name the account's own registry (found through the token) or the push endpoint.
        var (ownRegistry, ownCredential) = await connections.Credentials.OwnRegistryAsync(cancellationToken).ConfigureAwait(false);
        connections.AddEcrHost(ownRegistry);
        var buildCredentials = connections.EcrHosts.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(host => host, _ => ownCredential, StringComparer.OrdinalIgnoreCase);
        await engine.BuildAsync(request, imageOptions, buildCredentials, cancellationToken).ConfigureAwait(false);
        return new DockerBuildOutput(engine);
    }
}
