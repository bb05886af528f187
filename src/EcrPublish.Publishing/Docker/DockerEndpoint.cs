namespace EcrPublish.Docker;

/// <summary>One place a Docker-compatible engine may listen, and where that choice came from.</summary>
/// <param name="Uri">unix:///path, tcp://host:port, http(s)://host:port or npipe://./pipe/name.</param>
/// <param name="Source">Where the endpoint came from, for messages (e.g. "DOCKER_HOST", "docker context 'remote'", "default socket").</param>
/// <param name="Tls">The TLS settings when the connection must use TLS; null for plain connections.</param>
public sealed record DockerEndpoint(Uri Uri, string Source, DockerTlsSettings? Tls = null)
{
    /// <summary>How the endpoint reads in a message: its address and its source.</summary>
    public string Describe() => $"{Uri.OriginalString} ({Source}{(Tls is null ? string.Empty : Tls.Verify ? ", TLS verified" : ", TLS")})";
}
