namespace EcrPublish.Images;

/// <summary>An image could not be built; <see cref="Code"/> is a stable ECR3xxx code listed in docs/errors.</summary>
public sealed class ImageBuildException : Exception
{
    public ImageBuildException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    public ImageBuildException()
    {
        Code = ImageErrorCodes.Unknown;
    }

    public ImageBuildException(string message)
        : base(message)
    {
        Code = ImageErrorCodes.Unknown;
    }

    public ImageBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ImageErrorCodes.Unknown;
    }

    public string Code { get; }
}
