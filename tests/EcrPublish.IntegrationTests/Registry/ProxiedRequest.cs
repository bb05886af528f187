namespace EcrPublish.IntegrationTests.Registry;

/// <summary>A request as the proxy saw it (method, path with query, headers, body length).</summary>
internal sealed record ProxiedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, long BodyLength)
{
    public DateTimeOffset ReceivedAt { get; } = DateTimeOffset.UtcNow;

    public bool IsManifestPut => Method == "PUT" && PathAndQuery.Contains("/manifests/", StringComparison.Ordinal);

    public bool IsBlobUpload => PathAndQuery.Contains("/blobs/uploads/", StringComparison.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
