namespace EcrPublish.Images;

/// <summary>An image could not be built; <see cref="EcrPublishException.Code"/> is a stable ECR3xxx code listed in docs/errors.</summary>
public sealed class ImageBuildException : EcrPublishException
{
    public ImageBuildException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }
}
