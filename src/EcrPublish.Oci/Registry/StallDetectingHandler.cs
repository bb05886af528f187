namespace EcrPublish.Registry;

/// <summary>
/// Gives up a request when no byte moved for the stall timeout, while sending the body, waiting for the
/// answer or reading it; a slow but moving transfer runs as long as it needs. The failure is an
/// <see cref="HttpRequestException"/> (or an <see cref="IOException"/> while reading), which callers retry.
/// </summary>
internal sealed class StallDetectingHandler(TimeSpan stallTimeout, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var watchdog = new StallWatchdog(stallTimeout, cancellationToken);
        if (request.Content is { } body)
        {
            request.Content = new WatchedContent(body, watchdog, request, ownsWatchdog: false);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, watchdog.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (watchdog.Stalled)
        {
            var error = watchdog.StallError(request, exception);
            watchdog.Dispose();
            throw error;
        }
        catch
        {
            watchdog.Dispose();
            throw;
        }

        watchdog.Pause();
        response.Content = new WatchedContent(response.Content, watchdog, request, ownsWatchdog: true);
        return response;
    }
}
