using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>Without DOCKER_HOST or a context, discovery finds Podman at its well-known rootless socket under XDG_RUNTIME_DIR.</summary>
public sealed class PodmanEngineDiscoveryTests
{
    [Fact]
    public async Task Finds_Podman_at_XDG_RUNTIME_DIR_podman_podman_sock_after_the_missing_rootless_Docker_socket()
    {
        // Short, like /run/user/1000: the Docker client refuses socket paths of more than 90 bytes.
        var runtimeDirectory = Directory.CreateTempSubdirectory("xdg").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(runtimeDirectory, "podman"));
            File.CreateSymbolicLink(Path.Combine(runtimeDirectory, "podman", "podman.sock"), new Uri(TestEnvironment.PodmanHost).AbsolutePath);
            var environment = new DockerEnvironment
            {
                XdgRuntimeDirectory = runtimeDirectory,
                HomeDirectory = TestDockerEngine.NewWorkDirectory("home-without-docker-config"),
            };

            // Only the candidates under this runtime directory: the machine-wide sockets (/var/run/docker.sock,
            // /run/podman/podman.sock) are the machine's business, not this test's.
            var candidates = new DockerEndpointResolver(environment).ResolveCandidates()
                .Where(candidate => candidate.Uri.AbsolutePath.StartsWith(runtimeDirectory + "/", StringComparison.Ordinal))
                .ToList();
            using var engine = await new DockerEngineConnector().ConnectAsync(candidates);

            Assert.Equal(["rootless Docker socket", "Podman socket"], candidates.Select(candidate => candidate.Source));
            Assert.Equal("Podman socket", engine.Endpoint.Source);
            Assert.True(await TestDockerEngine.IsPodmanAsync(engine), $"the engine at {engine.Endpoint.Describe()} is not Podman");
        }
        finally
        {
            Directory.Delete(runtimeDirectory, recursive: true);
        }
    }
}
