using EcrPublish.Docker;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>Connects to the test engine through the product's own discovery, as a user with DOCKER_HOST set would.</summary>
internal static class TestDockerEngine
{
    public static DockerEnvironment Environment(string? dockerConfigDirectory = null) => new()
    {
        DockerHost = TestEnvironment.DockerHost,
        DockerConfig = dockerConfigDirectory ?? Path.Combine(TestEnvironment.WorkDirectory, "docker-config-unused"),
        HomeDirectory = TestEnvironment.WorkDirectory,
    };

    public static Task<DockerEngineConnection> ConnectAsync(string? dockerConfigDirectory = null) =>
        new DockerEngineConnector().ConnectAsync(new DockerEndpointResolver(Environment(dockerConfigDirectory)).ResolveCandidates());

    /// <summary>A unique scratch directory under ECRPUB_WORK.</summary>
    public static string NewWorkDirectory(string name)
    {
        var directory = Path.Combine(TestEnvironment.WorkDirectory, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
