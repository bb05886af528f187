namespace EcrPublish.Aws;

/// <summary>
/// The difference between the server's clock (from the response <c>Date</c> header) and ours. Signing uses
/// local time plus this offset, so a machine with a wrong clock still produces signatures AWS accepts.
/// </summary>
internal sealed class ClockSkew
{
    // Differences below this are network latency and Date's one-second resolution, not a wrong clock.
    private static readonly TimeSpan Threshold = TimeSpan.FromMinutes(1);
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Records the skew seen in a response; returns true when the correction changed.</summary>
    public bool Observe(DateTimeOffset? serverDate, DateTimeOffset localNow)
    {
        if (serverDate is null)
        {
            return false;
        }

        var difference = serverDate.Value - localNow;
        var updated = difference.Duration() < Threshold ? TimeSpan.Zero : difference;
        var previous = Interlocked.Exchange(ref offsetTicks, updated.Ticks);
        return previous != updated.Ticks;
    }
}
