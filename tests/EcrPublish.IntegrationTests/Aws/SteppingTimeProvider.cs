namespace EcrPublish.IntegrationTests.Aws;

/// <summary>
/// A clock that starts at a fixed instant and moves on by <c>step</c> every time it is read, so consecutive
/// signatures get different timestamps. Timers (backoff delays) still run on real time.
/// </summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long reads;

    public override DateTimeOffset GetUtcNow() => start + (step * (Interlocked.Increment(ref reads) - 1));
}
