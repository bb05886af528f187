namespace EcrPublish.Publishing.Stages;

/// <summary>Puts a built image into a local container engine (<c>EcrLoadInto</c>), named with the repository and every tag.</summary>
public interface ILoadStage
{
    /// <summary>Loads <paramref name="image"/> (made by the build stage) into the engine the request names.</summary>
    Task<LoadedImage> LoadAsync(EcrPublishRequest request, ImageBuildOutput image, CancellationToken cancellationToken);
}
