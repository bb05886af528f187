namespace EcrPublish.Scanning;

/// <summary>Which of ECR's scan statuses end a wait, and which of those carry findings.</summary>
public static class ScanStatuses
{
    /// <summary>Statuses after which findings can be read: basic COMPLETE, enhanced ACTIVE (continuous scanning reports findings as they come).</summary>
    public static bool HasFindings(string status) => status is "COMPLETE" or "ACTIVE";

    /// <summary>
    /// True when polling again cannot change the answer. botocore's waiter only knows COMPLETE and FAILED;
    /// the others are terminal too (an unsupported image never becomes supported), so waiting on them would
    /// only burn the timeout.
    /// </summary>
    public static bool IsTerminal(string status) => status is "COMPLETE" or "ACTIVE" or "FAILED" or "UNSUPPORTED_IMAGE"
        or "SCAN_ELIGIBILITY_EXPIRED" or "FINDINGS_UNAVAILABLE" or "LIMIT_EXCEEDED" or "IMAGE_ARCHIVED";
}
