namespace EcrPublish.Publishing.Stages;

/// <summary>Has the Docker engine push every tag of the image it built, with the ECR token kept in memory.</summary>
public sealed class DockerPushStage(PublishConnections connections, EcrPublishRequest request) : IPushStage
{
    public async Task<PushedImage> PushAsync(ImageBuildOutput image, PushTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var engine = (image as DockerBuildOutput ?? throw new ArgumentException("The Docker push stage pushes Docker builds.", nameof(image))).Engine;
        connections.AddEcrHost(target.EcrHost);
        var credential = await connections.Credentials.GetAsync(target.RegistryHost, refresh: false, cancellationToken).ConfigureAwait(false);
        var digest = await engine.PushAsync(request, target.RegistryHost, credential, cancellationToken).ConfigureAwait(false);
        return new PushedImage(digest, [digest], "built by the Docker engine");
    }
}
