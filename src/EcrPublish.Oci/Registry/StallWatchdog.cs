namespace EcrPublish.Registry;

/// <summary>
/// Cancels one request when no byte has moved for the stall timeout; every byte sent or received
/// restarts the clock. A slow link that keeps moving is never cut off, a dead one is noticed quickly.
/// </summary>
internal sealed class StallWatchdog : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;

    public StallWatchdog(TimeSpan timeout, CancellationToken caller)
    {
        Timeout = timeout;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        Restart();
    }

    public TimeSpan Timeout { get; }

    /// <summary>Cancelled by the caller or by a stall.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The request was given up because nothing moved, not because the caller cancelled it.</summary>
    public bool Stalled => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    public void Restart()
    {
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && !_source.IsCancellationRequested)
        {
            _source.CancelAfter(Timeout);
        }
    }

    /// <summary>Stops the clock while nobody is moving bytes on purpose (an answer received, its body not read yet).</summary>
    public void Pause()
    {
        if (!_source.IsCancellationRequested)
        {
            _source.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    public HttpRequestException StallError(HttpRequestMessage request, Exception cause) =>
        new($"no byte moved for {Timeout.TotalSeconds:0.#} s ({request.Method} {request.RequestUri?.AbsolutePath}); the connection was given up", cause);

    public void Dispose() => _source.Dispose();
}
