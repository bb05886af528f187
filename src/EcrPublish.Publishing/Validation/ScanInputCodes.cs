namespace EcrPublish.Validation;

/// <summary>
/// The ECR106x codes for the scan gate's inputs (<c>EcrScanIgnore</c>, <c>EcrScanSarifFile</c>). docs/errors/msbuild.md
/// explains each one; never renumber a code once it has shipped.
/// </summary>
public static class ScanInputCodes
{
    /// <summary>An <c>EcrScanIgnore</c> item has no finding name, or one with spaces or semicolons.</summary>
    public const string InvalidIgnoreName = "ECR1065";

    /// <summary>An <c>EcrScanIgnore</c> item's <c>Expires</c> is not an ISO date (yyyy-MM-dd).</summary>
    public const string InvalidIgnoreExpiry = "ECR1066";

    /// <summary>The same finding is ignored twice.</summary>
    public const string DuplicateIgnore = "ECR1067";

    /// <summary><c>EcrScanSarifFile</c> is not a usable file path.</summary>
    public const string InvalidSarifFile = "ECR1068";

    /// <summary><c>EcrScanSarifFile</c> with <c>EcrScan=None</c> or <c>EcrPush=false</c>: nothing is scanned, so there is nothing to write.</summary>
    public const string SarifFileWithoutScan = "ECR1069";
}
