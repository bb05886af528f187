namespace EcrPublish.Scanning;

/// <summary>Stable codes of the scanning step (listed in docs/errors.md).</summary>
public static class ScanErrorCodes
{
    /// <summary>EcrScanFailOnSeverity is not one of ECR's severities.</summary>
    public const string UnknownSeverity = "ECR4501";

    /// <summary>The scan found vulnerabilities at or above the threshold.</summary>
    public const string FindingsAboveThreshold = "ECR4502";

    /// <summary>The scan did not finish within EcrScanTimeout.</summary>
    public const string TimedOut = "ECR4503";

    /// <summary>The scan ended FAILED, UNSUPPORTED_IMAGE or another terminal status without findings.</summary>
    public const string ScanDidNotComplete = "ECR4504";
}
