using EcrPublish.Docker;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>
/// Connects to the test Podman service (build/env/podman.sh: root, vfs storage, loopback registries over http) through
/// the product's own discovery, as a user with DOCKER_HOST pointed at Podman's socket would.
/// </summary>
internal static class TestPodmanEngine
{
    public static DockerEnvironment Environment(string? dockerConfigDirectory = null) => new()
    {
        DockerHost = TestEnvironment.PodmanHost,
        DockerConfig = dockerConfigDirectory ?? Path.Combine(TestEnvironment.WorkDirectory, "docker-config-unused"),
        HomeDirectory = TestEnvironment.WorkDirectory,
    };

    public static Task<DockerEngineConnection> ConnectAsync(string? dockerConfigDirectory = null) =>
        new DockerEngineConnector().ConnectAsync(new DockerEndpointResolver(Environment(dockerConfigDirectory)).ResolveCandidates());

    /// <summary>Whether the engine behind <paramref name="engine"/> says it is Podman (its version lists a "Podman Engine" component).</summary>
    public static async Task<bool> IsPodmanAsync(DockerEngineConnection engine)
    {
        var version = await engine.Client.System.GetVersionAsync();
        return version.Components?.Any(component => component.Name == "Podman Engine") == true;
    }
}
