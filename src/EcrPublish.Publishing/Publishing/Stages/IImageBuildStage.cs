using EcrPublish.Images;

namespace EcrPublish.Publishing.Stages;

/// <summary>Builds the image of a publish; it may read from ECR (a base image, a token) but changes nothing there.</summary>
public interface IImageBuildStage
{
    /// <summary>Builds the image <paramref name="imageOptions"/> describe, for the push stage of the same builder.</summary>
    Task<ImageBuildOutput> BuildAsync(EcrPublishRequest request, ImageOptions imageOptions, CancellationToken cancellationToken);
}
