namespace EcrPublish.Registry;

/// <summary>Spaces tag PUTs so no more than a given number start per second.</summary>
internal sealed class TagRateLimiter(double perSecond)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / Math.Max(perSecond, 0.01));
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (_next > now)
        {
            await Task.Delay(_next - now, cancellationToken).ConfigureAwait(false);
            now = DateTimeOffset.UtcNow;
        }

        _next = now + _interval;
    }
}
