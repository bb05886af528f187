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

    /// <summary>Warning: an EcrScanIgnore's Expires date has passed, so it no longer ignores its finding.</summary>
    public const string IgnoreExpired = "ECR4505";

    /// <summary>Warning: EcrScanFailOnFixableOnly with findings that say nothing about fixes (basic scanning); they are counted.</summary>
    public const string NoFixInformation = "ECR4506";

    /// <summary>Warning: EcrScanSarifFile is set but the image was not scanned (EcrScan unset and the repository does not scan on push).</summary>
    public const string SarifWithoutScan = "ECR4507";

    /// <summary>The SARIF file could not be written.</summary>
    public const string SarifNotWritten = "ECR4508";

    /// <summary>Warning: the scan ended without findings (FAILED, UNSUPPORTED_IMAGE, SCAN_ELIGIBILITY_EXPIRED, FINDINGS_UNAVAILABLE, …) and no gate was set.</summary>
    public const string NoFindingsToReport = "ECR4509";
}
