using Docker.DotNet;

namespace EcrPublish.Docker;

/// <summary>A client connected to an engine that answered, with what it said about itself.</summary>
public sealed class DockerEngineConnection(IDockerClient client, DockerEndpoint endpoint, string engineVersion, string apiVersion) : IDisposable
{
    /// <summary>The Docker.DotNet client for the engine.</summary>
    public IDockerClient Client { get; } = client;

    /// <summary>The endpoint that answered.</summary>
    public DockerEndpoint Endpoint { get; } = endpoint;

    /// <summary>The engine's version, e.g. 20.10.24 (Podman reports its own).</summary>
    public string EngineVersion { get; } = engineVersion;

    /// <summary>The engine's API version, e.g. 1.41.</summary>
    public string ApiVersion { get; } = apiVersion;

    /// <summary>The engine's operating system as it reports it, e.g. <c>linux</c>; null when it did not say.</summary>
    public string? Os { get; init; }

    /// <summary>The engine's architecture in Go's names, e.g. <c>amd64</c> or <c>arm64</c>; null when it did not say.</summary>
    public string? Architecture { get; init; }

    public void Dispose() => Client.Dispose();
}
