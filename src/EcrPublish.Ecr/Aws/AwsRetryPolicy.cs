using System.Net;

namespace EcrPublish.Aws;

/// <summary>
/// Which failures are worth another attempt and how long to wait: throttling codes, 5xx and connection failures are
/// retried with exponential backoff and full jitter (the SDKs' "standard" retry mode).
/// </summary>
internal sealed class AwsRetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
{
    // botocore's standard-mode throttling list. LimitExceededException is deliberately absent: ECR uses it for quotas
    // (one scan per image per day) that no retry can fix.
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError", "ServiceUnavailable",
    };

    // Errors that mean "your clock is off"; one re-signed retry with the corrected clock fixes them.
    private static readonly HashSet<string> ClockSkewCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
    };

    public int MaxAttempts { get; } = Math.Max(1, maxAttempts);

    public static bool IsRetryable(EcrServiceException error) =>
        ThrottlingCodes.Contains(error.ErrorCode)
        || TransientCodes.Contains(error.ErrorCode)
        || (int)error.StatusCode >= 500
        || error.StatusCode == HttpStatusCode.TooManyRequests;

    public static bool IsClockSkewError(EcrServiceException error) => ClockSkewCodes.Contains(error.ErrorCode);

    /// <summary>Full jitter: a uniformly random delay in [0, min(max, base * 2^retry)], retry counted from 0.</summary>
    public TimeSpan BackoffDelay(int retry)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}
