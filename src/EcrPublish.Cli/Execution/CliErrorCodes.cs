namespace EcrPublish.Cli.Execution;

/// <summary>
/// Stable codes of the errors that are dotnet ecr's own (ECR7xxx). Errors that the AWS CLI also reports keep
/// the AWS CLI's exact wording instead, because scripts match on it. Listed in docs/errors/cli.md.
/// </summary>
internal static class CliErrorCodes
{
    /// <summary>The embedded ECR service model or cheat sheet is missing: the tool package is damaged.</summary>
    public const string MissingResource = "ECR7001";

    /// <summary>GetAuthorizationToken answered without a token, so get-login-password has nothing to print.</summary>
    public const string NoAuthorizationToken = "ECR7002";

    /// <summary><c>--older-than</c> is not a number with a unit (s, m, h, d, w).</summary>
    public const string InvalidAge = "ECR7003";

    /// <summary><c>scan report</c> found findings at or above <c>--fail-on-severity</c>.</summary>
    public const string FindingsAboveThreshold = "ECR7004";

    /// <summary><c>login</c> could not start the docker CLI.</summary>
    public const string DockerNotFound = "ECR7005";

    /// <summary><c>publish</c> could not start the dotnet CLI.</summary>
    public const string DotnetNotFound = "ECR7006";
}
