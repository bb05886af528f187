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

    /// <summary><c>verify</c> was given no IMAGE, or one that is not an image reference.</summary>
    public const string VerifyImageInvalid = "ECR7007";

    /// <summary><c>verify --key</c> names a file that cannot be read or holds no public key.</summary>
    public const string VerifyKeyInvalid = "ECR7008";

    /// <summary><c>verify --certificate</c> names a file that cannot be read or holds no certificate.</summary>
    public const string VerifyCertificateInvalid = "ECR7009";

    /// <summary><c>verify</c> was given both <c>--key</c> and <c>--certificate</c>.</summary>
    public const string VerifyTrustConflict = "ECR7010";

    /// <summary><c>verify --require</c> names an unknown kind, or requires a signature without a key or certificate to check it.</summary>
    public const string VerifyRequireInvalid = "ECR7011";

    /// <summary><c>verify</c>'s image (tag or digest) is not in the repository.</summary>
    public const string VerifyImageNotFound = "ECR7012";

    /// <summary><c>verify</c> found a referrer that failed, or a required one missing.</summary>
    public const string VerifyFailed = "ECR7013";

    /// <summary><c>iam-policy</c> was given neither <c>--repository</c> nor <c>--project</c>, or names no valid repository.</summary>
    public const string IamPolicyNoRepository = "ECR7020";

    /// <summary><c>iam-policy --project</c>: <c>dotnet msbuild</c> could not evaluate the project.</summary>
    public const string IamPolicyProjectUnreadable = "ECR7021";

    /// <summary><c>iam-policy</c>: a publish setting of the project has a value the publish would refuse.</summary>
    public const string IamPolicyInvalidSetting = "ECR7022";

    /// <summary><c>iam-policy</c>: the account or region is not given and cannot be found from the AWS configuration.</summary>
    public const string IamPolicyNoAccountOrRegion = "ECR7023";

    /// <summary><c>iam-policy</c>: the project sets <c>EcrPush=false</c>, so its publish calls no AWS API.</summary>
    public const string IamPolicyNothingPushed = "ECR7024";

    /// <summary><c>images copy --source</c> is not an image reference, or names a registry that is not ECR.</summary>
    public const string CopySourceInvalid = "ECR7030";

    /// <summary><c>images copy --destination</c> is not <c>[ECR host/]repository[:tag]</c>.</summary>
    public const string CopyDestinationInvalid = "ECR7031";

    /// <summary><c>images copy</c>'s destination repository does not exist and <c>--create-repository</c> was not given.</summary>
    public const string CopyDestinationRepositoryMissing = "ECR7033";

    /// <summary><c>images tag</c>: the source image (tag or digest) is not in the repository.</summary>
    public const string TagSourceNotFound = "ECR7037";

    /// <summary><c>images tag</c> was given neither or both of <c>--source-tag</c> and <c>--source-digest</c>, or a tag ECR does not accept.</summary>
    public const string TagOptionsInvalid = "ECR7038";

    /// <summary><c>images tag</c>: BatchGetImage returned a manifest that does not hash to its digest.</summary>
    public const string TagManifestNotAsAddressed = "ECR7039";

    /// <summary><c>images copy --destination-region</c> names another region than the destination's ECR host.</summary>
    public const string CopyDestinationRegionConflict = "ECR7040";
}
