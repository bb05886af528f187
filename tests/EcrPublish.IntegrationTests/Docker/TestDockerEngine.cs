using EcrPublish.Docker;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>
/// Connects to a test engine through the product's own discovery, as a user with DOCKER_HOST set would: dockerd, or the
/// Podman service (build/env/podman.sh: root, private storage, loopback registries over http).
/// </summary>
internal static class TestDockerEngine
{
    public static DockerEnvironment Environment(TestEngineKind kind = TestEngineKind.Dockerd, string? dockerConfigDirectory = null) => new()
    {
        DockerHost = kind == TestEngineKind.Podman ? TestEnvironment.PodmanHost : TestEnvironment.DockerHost,
        DockerConfig = dockerConfigDirectory ?? Path.Combine(TestEnvironment.WorkDirectory, "docker-config-unused"),
        HomeDirectory = TestEnvironment.WorkDirectory,
    };

    public static async Task<DockerEngineConnection> ConnectAsync(TestEngineKind kind = TestEngineKind.Dockerd, string? dockerConfigDirectory = null)
    {
        var engine = await new DockerEngineConnector().ConnectAsync(new DockerEndpointResolver(Environment(kind, dockerConfigDirectory)).ResolveCandidates());
        if (await IsPodmanAsync(engine) != (kind == TestEngineKind.Podman))
        {
            engine.Dispose();
            throw new InvalidOperationException($"the engine at {engine.Endpoint.Describe()} (version {engine.EngineVersion}) is not {kind}");
        }

        return engine;
    }

    /// <summary>Whether the engine behind <paramref name="engine"/> says it is Podman (its version lists a "Podman Engine" component).</summary>
    public static async Task<bool> IsPodmanAsync(DockerEngineConnection engine)
    {
        var version = await engine.Client.System.GetVersionAsync();
        return version.Components?.Any(component => component.Name == "Podman Engine") == true;
    }

    /// <summary>A unique scratch directory under ECRPUB_WORK.</summary>
    public static string NewWorkDirectory(string name)
    {
        var directory = Path.Combine(TestEnvironment.WorkDirectory, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
