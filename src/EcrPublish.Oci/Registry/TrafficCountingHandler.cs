namespace EcrPublish.Registry;

/// <summary>Records every request and its body size into a <see cref="RegistryTraffic"/>.</summary>
internal sealed class TrafficCountingHandler(RegistryTraffic traffic, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        traffic.Record(request.Content?.Headers.ContentLength ?? 0);
        return base.SendAsync(request, cancellationToken);
    }
}
