namespace EcrPublish.Docker;

/// <summary>Turns a DOCKER_HOST style string into an endpoint URI the Docker client understands.</summary>
internal static class DockerHostParser
{
    // The docker CLI's port for tcp:// without one.
    private const int DefaultTcpPort = 2375;

    /// <summary>Parses <paramref name="host"/>; <paramref name="source"/> names where it came from for the error message.</summary>
    public static Uri Parse(string host, string source)
    {
        var value = host.Trim();
        if (value.StartsWith('/'))
        {
            value = "unix://" + value;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw Unsupported(host, source, "it is not a URL");
        }

        return uri.Scheme switch
        {
            "unix" when uri.AbsolutePath.Length > 1 => uri,
            "unix" => throw Unsupported(host, source, "it names no socket path"),
            "npipe" => uri,
            "tcp" when !string.IsNullOrEmpty(uri.Host) && uri.Port < 0 => new Uri($"tcp://{uri.Authority}:{DefaultTcpPort}"),
            "tcp" or "http" or "https" when !string.IsNullOrEmpty(uri.Host) => uri,
            "tcp" or "http" or "https" => throw Unsupported(host, source, "it needs a host, e.g. tcp://127.0.0.1:2376"),
            "ssh" => throw Unsupported(host, source, "ssh:// endpoints are not supported; forward the socket (ssh -L) and use unix:// or tcp://"),
            _ => throw Unsupported(host, source, $"the scheme '{uri.Scheme}' is not one of unix, tcp, http, https, npipe"),
        };
    }

    private static DockerEngineException Unsupported(string host, string source, string why) =>
        new(DockerErrorCodes.UnsupportedEndpoint, $"The Docker endpoint '{host}' from {source} cannot be used: {why}.");
}
