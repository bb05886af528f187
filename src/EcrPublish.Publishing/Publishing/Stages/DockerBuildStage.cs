using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>Builds the project's Dockerfile with a Docker engine; FROM lines may name this account's ECR registry.</summary>
public sealed class DockerBuildStage(PublishConnections connections, DockerImageStep engine) : IImageBuildStage
{
    public async Task<ImageBuildOutput> BuildAsync(EcrPublishRequest request, ImageOptions imageOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // FROM lines may name the account's own registry (found through the token) or the push endpoint. EcrPush=false
        // asks ECR nothing: the engine pulls with its own credentials.
        var buildCredentials = new Dictionary<string, Registry.RegistryCredential>(StringComparer.OrdinalIgnoreCase);
        if (request.Push)
        {
            var (ownRegistry, ownCredential) = await connections.Credentials.OwnRegistryAsync(cancellationToken).ConfigureAwait(false);
            connections.AddEcrHost(ownRegistry);
            foreach (var host in connections.EcrHosts)
            {
                buildCredentials[host] = ownCredential;
            }
        }

        await engine.BuildAsync(request, imageOptions, buildCredentials, cancellationToken).ConfigureAwait(false);
        return new DockerBuildOutput(engine);
    }
}
