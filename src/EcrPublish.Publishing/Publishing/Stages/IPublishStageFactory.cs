namespace EcrPublish.Publishing.Stages;

/// <summary>
/// Makes the stages of one publish for <see cref="EcrPublishPipeline"/>. The default,
/// <see cref="PublishStageFactory"/>, makes the real ones (ECR, the registry, the Docker engine); tests pass in-memory ones.
/// </summary>
public interface IPublishStageFactory
{
    /// <summary>The stages of one publish; disposing them releases what they share (connections, the ECR client, the Docker engine).</summary>
    IPublishStages Create(EcrPublishRequest request, IPublishLog log);
}
