namespace EcrPublish.Images;

/// <summary>Finds the manifest and config of a base image for one platform.</summary>
public interface IBaseImageSource
{
    Task<BaseImage> ResolveAsync(ImageReference reference, Platform platform, CancellationToken cancellationToken);
}
