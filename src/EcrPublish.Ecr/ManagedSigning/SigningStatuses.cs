namespace EcrPublish.ManagedSigning;

/// <summary>The values of <c>ImageSigningStatus.status</c> in ECR's model.</summary>
public static class SigningStatuses
{
    public const string InProgress = "IN_PROGRESS";
    public const string Complete = "COMPLETE";
    public const string Failed = "FAILED";
}
