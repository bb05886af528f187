namespace EcrPublish.Scanning;

/// <summary>
/// Polls a scan until it reaches a terminal status or the policy's timeout passes. The caller supplies the
/// poll (a DescribeImageScanFindings call) so that this state machine stays free of transport concerns;
/// a poll returns null while ECR still says ScanNotFound, which happens right after a push with scan on
/// push and right after StartImageScan.
/// </summary>
public sealed class ScanWaiter(ScanWaitPolicy policy, TimeProvider time)
{
    /// <summary>Waits for the scan; PENDING and IN_PROGRESS keep waiting.</summary>
    /// <exception cref="EcrPublishException">ECR4503 when the timeout passes first.</exception>
    public async Task<ScanResult> WaitAsync(Func<CancellationToken, Task<ScanResult?>> poll, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Saturate: a timeout past the end of the calendar means "no deadline", not an overflow.
        var deadline = policy.Timeout >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + policy.Timeout;
        string lastStatus = "not started";
        while (true)
        {
            var result = await poll(cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                if (ScanStatuses.IsTerminal(result.Status))
                {
                    return result;
                }

                lastStatus = result.Status;
            }

            if (time.GetUtcNow() > deadline - policy.Delay)
            {
                throw new EcrPublishException(ScanErrorCodes.TimedOut,
                    $"The scan did not finish within {policy.Timeout.TotalSeconds:0} s (last status: {lastStatus}{(lastStatus == "PENDING" ? ": enhanced scanning (Amazon Inspector) has not scanned the image yet" : "")}). Raise EcrScanTimeout, or set EcrScan=None to publish without waiting.");
            }

            await Task.Delay(policy.Delay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
