namespace EcrPublish.Docker;

/// <summary>The image a Dockerfile build produced.</summary>
/// <param name="ImageId">The engine's image id (sha256:... of the image config).</param>
public sealed record DockerBuildResult(string ImageId);
