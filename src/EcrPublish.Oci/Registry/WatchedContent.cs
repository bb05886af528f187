using System.Net;

namespace EcrPublish.Registry;

/// <summary>
/// A request or response body whose bytes restart a <see cref="StallWatchdog"/> as they move. As a response
/// body it owns the watchdog, which lives until the body is read and disposed.
/// </summary>
internal sealed class WatchedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly StallWatchdog _watchdog;
    private readonly HttpRequestMessage _request;
    private readonly bool _ownsWatchdog;

    public WatchedContent(HttpContent inner, StallWatchdog watchdog, HttpRequestMessage request, bool ownsWatchdog)
    {
        _inner = inner;
        _watchdog = watchdog;
        _request = request;
        _ownsWatchdog = ownsWatchdog;
        foreach (var (name, values) in inner.Headers)
        {
            Headers.TryAddWithoutValidation(name, values);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_ownsWatchdog)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Not disposed: the stream belongs to the connection.
        var watched = new WatchedStream(stream, _watchdog, _request);
        await _inner.CopyToAsync(watched, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new WatchedStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _watchdog, _request);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            if (_ownsWatchdog)
            {
                _watchdog.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
