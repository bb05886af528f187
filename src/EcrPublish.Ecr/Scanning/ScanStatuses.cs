namespace EcrPublish.Scanning;

/// <summary>Which of ECR's scan statuses end a wait, which of those carry findings, and what each means to a user.</summary>
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

    /// <summary>What a status means for the publish and what to do about it, in one sentence for the build log.</summary>
    public static string Explain(string status) => status switch
    {
        "COMPLETE" => "The basic scan finished.",
        "ACTIVE" => "Enhanced scanning (Amazon Inspector) scans this image continuously; these are its findings so far.",
        "PENDING" => "Enhanced scanning (Amazon Inspector) has not scanned the image yet; raise EcrScanTimeout to wait longer.",
        "IN_PROGRESS" => "The basic scan is still running; raise EcrScanTimeout to wait longer.",
        "FAILED" => "The scan failed; ECR's description says why. Fix the cause, then start a scan again (EcrScan=Start).",
        "UNSUPPORTED_IMAGE" => "ECR cannot scan this image (its operating system or media type is not supported; a base image from a supported distribution can be).",
        "SCAN_ELIGIBILITY_EXPIRED" => "Enhanced scanning stopped scanning this image: its re-scan duration (Amazon Inspector's ECR setting) has passed. Push the image again, or lengthen the re-scan duration.",
        "FINDINGS_UNAVAILABLE" => "Enhanced scanning cannot return findings for this image (Amazon Inspector may be disabled or still settling after a switch from basic scanning). Check Amazon Inspector for the account, then publish again.",
        "LIMIT_EXCEEDED" => "ECR's scan quota for this image is used up; wait and scan again.",
        "IMAGE_ARCHIVED" => "The image is archived and cannot be scanned; restore it first.",
        _ => "ECR reported a status EcrPublish does not know; see ECR's description.",
    };
}
