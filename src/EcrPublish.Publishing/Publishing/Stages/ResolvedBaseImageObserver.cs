using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>Resolves base images through <paramref name="inner"/> and tells <paramref name="resolved"/> of each, so work on the base image can start while the build goes on.</summary>
public sealed class ResolvedBaseImageObserver(IBaseImageSource inner, Action<BaseImage> resolved) : IBaseImageSource
{
    public async Task<BaseImage> ResolveAsync(ImageReference reference, Platform platform, CancellationToken cancellationToken)
    {
        var baseImage = await inner.ResolveAsync(reference, platform, cancellationToken).ConfigureAwait(false);
        resolved(baseImage);
        return baseImage;
    }
}
