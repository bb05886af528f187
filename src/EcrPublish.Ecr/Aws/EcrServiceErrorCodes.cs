namespace EcrPublish.Aws;

/// <summary>Error codes ECR (and the AWS front end) answer with; compare with <see cref="EcrServiceException.ErrorCode"/>.</summary>
public static class EcrServiceErrorCodes
{
    public const string RepositoryNotFound = "RepositoryNotFoundException";
    public const string RepositoryAlreadyExists = "RepositoryAlreadyExistsException";
    public const string RepositoryNotEmpty = "RepositoryNotEmptyException";
    public const string RepositoryPolicyNotFound = "RepositoryPolicyNotFoundException";
    public const string RegistryPolicyNotFound = "RegistryPolicyNotFoundException";
    public const string ImageNotFound = "ImageNotFoundException";
    public const string ImageAlreadyExists = "ImageAlreadyExistsException";
    public const string ImageTagAlreadyExists = "ImageTagAlreadyExistsException";
    public const string LifecyclePolicyNotFound = "LifecyclePolicyNotFoundException";
    public const string LifecyclePolicyPreviewNotFound = "LifecyclePolicyPreviewNotFoundException";
    public const string LifecyclePolicyPreviewInProgress = "LifecyclePolicyPreviewInProgressException";
    public const string ScanNotFound = "ScanNotFoundException";
    public const string SigningConfigurationNotFound = "SigningConfigurationNotFoundException";
    public const string PullThroughCacheRuleNotFound = "PullThroughCacheRuleNotFoundException";
    public const string PullThroughCacheRuleAlreadyExists = "PullThroughCacheRuleAlreadyExistsException";
    public const string LimitExceeded = "LimitExceededException";
    public const string InvalidParameter = "InvalidParameterException";
    public const string InvalidTagParameter = "InvalidTagParameterException";
    public const string TooManyTags = "TooManyTagsException";
    public const string Validation = "ValidationException";
    public const string Server = "ServerException";
    public const string Throttling = "ThrottlingException";
    public const string AccessDenied = "AccessDeniedException";
    public const string UnrecognizedClient = "UnrecognizedClientException";
    public const string InvalidSignature = "InvalidSignatureException";
    public const string ExpiredToken = "ExpiredTokenException";
}
