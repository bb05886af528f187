namespace EcrPublish.Registry;

/// <summary>How a <see cref="RegistryClient"/> talks to its registry.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>
    /// The registries (host[:port]) spoken to over plain http: only those the user named with an http:// address, never
    /// every registry a client pool talks to (a base image from another registry stays on https). Loopback registries
    /// (127.0.0.1, localhost, ::1) use http without being listed.
    /// </summary>
    public IReadOnlyCollection<string> PlainHttpRegistries { get; init; } = [];

    /// <summary>Retries of idempotent calls (GET, HEAD, manifest PUT) on 408/429/5xx and broken connections.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>
    /// A request is given up (and retried, or an upload resumed) when no byte moved either way for this long: while
    /// sending, waiting for the answer or reading it. There is no limit on a request that keeps moving, however slowly.
    /// Generous by default because a registry may think for a while before answering the PUT that completes a large blob.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Where every request and response is logged, secrets removed (<c>--debug</c>); null logs nothing.</summary>
    public TextWriter? DebugLog { get; init; }

    /// <summary>Replaces the network handler (tests, proxies).</summary>
    public HttpMessageHandler? Handler { get; init; }
}
