namespace EcrPublish.Publishing;

/// <summary>ECR finding severities in increasing order, for <c>EcrScanFailOnSeverity</c>.</summary>
public enum FindingSeverity
{
    Informational,
    Low,
    Medium,
    High,
    Critical,
}
