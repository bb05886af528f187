namespace EcrPublish.Publishing.Stages;

/// <summary>
/// What an <see cref="IImageBuildStage"/> made, opaque to the pipeline: the push stage of the same builder knows its
/// shape (the daemonless image's manifests and layers, or the image a Docker engine holds).
/// </summary>
public abstract record ImageBuildOutput;
