namespace EcrPublish.Aws;

/// <summary>
/// Stable diagnostic codes (ECR2xxx) of the AWS/ECR API client. docs/errors/ecr-client.md explains each one.
/// </summary>
public static class AwsClientErrorCodes
{
    /// <summary>No AWS credentials could be found by the credential chain.</summary>
    public const string NoCredentials = "ECR2001";

    /// <summary>The requested AWS profile does not exist in the config or credentials file.</summary>
    public const string ProfileNotFound = "ECR2002";

    /// <summary>The profile exists but its credentials could not be obtained (SSO not logged in, assume-role failed, ...).</summary>
    public const string CredentialsUnavailable = "ECR2003";

    /// <summary>No AWS region was configured.</summary>
    public const string NoRegion = "ECR2004";

    /// <summary>The endpoint configuration is invalid (bad URL, FIPS or dual-stack with a custom endpoint).</summary>
    public const string InvalidEndpoint = "ECR2005";

    /// <summary>The endpoint could not be reached after every retry.</summary>
    public const string ConnectionFailed = "ECR2010";

    /// <summary>The request timed out after every retry.</summary>
    public const string Timeout = "ECR2011";

    /// <summary>The service answered with something that is not a valid response of the protocol.</summary>
    public const string MalformedResponse = "ECR2012";

    /// <summary>A repository name does not satisfy ECR's pattern or length.</summary>
    public const string InvalidRepositoryName = "ECR2020";

    /// <summary>A registry id is not 12 digits.</summary>
    public const string InvalidRegistryId = "ECR2021";

    /// <summary>A resource tag (key/value) is invalid.</summary>
    public const string InvalidResourceTag = "ECR2022";

    /// <summary>A batch or list exceeds the size ECR accepts.</summary>
    public const string BatchTooLarge = "ECR2023";

    /// <summary>A policy text is empty or longer than ECR accepts.</summary>
    public const string InvalidPolicyText = "ECR2024";

    /// <summary>A required request member is missing or empty.</summary>
    public const string MissingParameter = "ECR2025";

    /// <summary>An image tag or image-tag mutability setting is invalid.</summary>
    public const string InvalidImageTag = "ECR2026";

    /// <summary>An enumerated value (mutability, encryption type, scan frequency, ...) is not one ECR knows.</summary>
    public const string InvalidParameterValue = "ECR2027";

    /// <summary>ECR (or STS) rejected the request; the message carries the service's error code.</summary>
    public const string ServiceError = "ECR2100";

    /// <summary>A waiter reached a failure state.</summary>
    public const string WaiterFailed = "ECR2200";

    /// <summary>A waiter gave up after its maximum number of attempts.</summary>
    public const string WaiterTimedOut = "ECR2201";

    /// <summary>GetAuthorizationToken returned no usable token.</summary>
    public const string InvalidAuthorizationToken = "ECR2300";
}
