namespace EcrPublish.Publishing.Stages;

/// <summary>An image a Docker engine built and holds, ready for <see cref="DockerPushStage"/>.</summary>
public sealed record DockerBuildOutput(DockerImageStep Engine) : ImageBuildOutput;
