using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>An image the daemonless builder wrote to the layer cache, ready for <see cref="RegistryPushStage"/>.</summary>
public sealed record DaemonlessBuildOutput(ImageBuildResult Image) : ImageBuildOutput;
