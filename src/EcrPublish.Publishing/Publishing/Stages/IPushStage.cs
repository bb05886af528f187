namespace EcrPublish.Publishing.Stages;

/// <summary>Pushes a built image; manifests go last, so a failed push leaves no tag on a half-pushed image.</summary>
public interface IPushStage
{
    /// <summary>Pushes <paramref name="image"/> (made by the build stage of the same builder) to <paramref name="target"/>.</summary>
    Task<PushedImage> PushAsync(ImageBuildOutput image, PushTarget target, CancellationToken cancellationToken);
}
