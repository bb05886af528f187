namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// The scan status an image has while the registry uses ENHANCED scanning (Amazon Inspector, which LocalEcr does not
/// emulate): null when the repository is not covered by an enhanced rule (its scanning is disabled, so there is no scan),
/// SCAN_ELIGIBILITY_EXPIRED for continuous scanning of an image pushed more than 30 days ago, else FINDINGS_UNAVAILABLE.
/// Basic scans made before the switch are not shown, as on ECR.
/// </summary>
internal static class EnhancedScanStatus
{
    private static readonly TimeSpan ContinuousScanEligibility = TimeSpan.FromDays(30);

    public static (string Status, string Description)? Of(RepositoryScanFrequency frequency, DateTimeOffset pushedAt, DateTimeOffset now)
    {
        if (frequency.Frequency == "MANUAL")
        {
            return null;
        }

        if (frequency.Frequency == "CONTINUOUS_SCAN" && now - pushedAt > ContinuousScanEligibility)
        {
            return ("SCAN_ELIGIBILITY_EXPIRED", "Continuous scanning is suspended: the image has not been pushed in the past 30 days.");
        }

        return ("FINDINGS_UNAVAILABLE", "Enhanced scanning findings are not available: LocalEcr does not emulate Amazon Inspector.");
    }
}
