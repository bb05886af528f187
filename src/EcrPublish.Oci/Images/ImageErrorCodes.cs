namespace EcrPublish.Images;

/// <summary>Stable codes of image-build errors (ECR30xx). docs/errors/image-engine.md explains each.</summary>
public static class ImageErrorCodes
{
    public const string Unknown = "ECR3000";
    public const string UnknownRuntimeIdentifier = "ECR3001";
    public const string PublishDirectoryMissing = "ECR3002";
    public const string DepsFileInvalid = "ECR3003";
    public const string InvalidImageReference = "ECR3004";
    public const string BaseImageInvalid = "ECR3006";
    public const string InvalidSourceDateEpoch = "ECR3007";
    public const string EntrypointUnknown = "ECR3008";
    public const string MixedMediaTypes = "ECR3009";
    public const string InvalidOption = "ECR3010";
    public const string LinkLeavesPublishFolder = "ECR3020";
    public const string UnreadableFileName = "ECR3021";
}
