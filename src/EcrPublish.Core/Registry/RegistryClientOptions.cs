namespace EcrPublish.Registry;

/// <summary>How a <see cref="RegistryClient"/> talks to its registry.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Use plain http. Loopback registries (127.0.0.1, localhost, ::1) use http without it.</summary>
    public bool Insecure { get; init; }

    /// <summary>Retries of idempotent calls (GET, HEAD, manifest PUT) on 408/429/5xx and broken connections.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Where every request and response is logged, secrets removed (<c>--debug</c>); null logs nothing.</summary>
    public TextWriter? DebugLog { get; init; }

    /// <summary>Replaces the network handler (tests, proxies).</summary>
    public HttpMessageHandler? Handler { get; init; }
}
