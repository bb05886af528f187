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

    public void Dispose() => Client.Dispose();
}
