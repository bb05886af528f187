namespace EcrPublish.LocalEcr.Limits;

/// <summary>
/// ECR's PutImage quota (10 per second per account and region; a manifest PUT on the registry counts as one) as a
/// token bucket. Off (never throttles) unless <see cref="LocalEcrOptions.PutImageRatePerSecond"/> is set, so
/// tests of client-side throttling can switch it on.
/// </summary>
internal sealed class PutImageThrottle(LocalEcrOptions options)
{
    private readonly object gate = new();
    private double tokens = options.PutImageRatePerSecond ?? 0;
    private DateTimeOffset refilledAt = options.TimeProvider.GetUtcNow();

    /// <summary>Takes one PutImage from the bucket; false when the rate is exceeded.</summary>
    public bool TryAcquire()
    {
        if (options.PutImageRatePerSecond is not { } rate)
        {
            return true;
        }

        lock (gate)
        {
            var now = options.TimeProvider.GetUtcNow();
            tokens = Math.Min(rate, tokens + ((now - refilledAt).TotalSeconds * rate));
            refilledAt = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }
}
