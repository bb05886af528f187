namespace EcrPublish.Registry;

/// <summary>Stable codes of registry and push errors (ECR31xx). docs/errors/image-engine.md explains each.</summary>
public static class RegistryErrorCodes
{
    public const string Unexpected = "ECR3100";
    public const string Unauthorized = "ECR3101";
    public const string RepositoryNotFound = "ECR3102";
    public const string TagImmutable = "ECR3103";
    public const string DigestMismatch = "ECR3104";
    public const string BlobUploadFailed = "ECR3105";
    public const string Unreachable = "ECR3106";
    public const string ManifestNotFound = "ECR3107";
    public const string Denied = "ECR3108";
    public const string CredentialHelperFailed = "ECR3109";
    public const string ManifestRejected = "ECR3110";
    public const string PlatformNotFound = "ECR3111";
    public const string ContentNotAsAddressed = "ECR3112";
    public const string DowngradeToHttp = "ECR3113";
    public const string PlainHttpTokenRealm = "ECR3114";
    public const string TokenReplyMalformed = "ECR3115";
}
