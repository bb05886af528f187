using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>Finding the engine the way the docker CLI does (DOCKER_HOST, docker contexts), and a coded error naming what was tried when none answers.</summary>
public sealed class DockerEngineDiscoveryTests
{
    [Fact]
    public async Task The_current_docker_context_of_config_json_leads_to_the_engine()
    {
        var config = TestDockerEngine.NewWorkDirectory("docker-config-context");
        await File.WriteAllTextAsync(Path.Combine(config, "config.json"), """{ "auths": {}, "currentContext": "ecrpublish-test" }""");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("ecrpublish-test"))).ToLowerInvariant();
        var meta = Directory.CreateDirectory(Path.Combine(config, "contexts", "meta", hash)).FullName;
        var context = new { Name = "ecrpublish-test", Metadata = new { }, Endpoints = new { docker = new { Host = TestEnvironment.DockerHost, SkipTLSVerify = false } } };
        await File.WriteAllTextAsync(Path.Combine(meta, "meta.json"), System.Text.Json.JsonSerializer.Serialize(context));

        // The docker CLI reads the same store, so it must agree on what the context is.
        var cli = (await ProcessRunner.RunAsync(TestEnvironment.Docker, ["context", "inspect", "--format", "{{.Endpoints.docker.Host}}"],
            new Dictionary<string, string?> { ["DOCKER_CONFIG"] = config, ["DOCKER_HOST"] = null, ["DOCKER_CONTEXT"] = null })).EnsureSuccess();
        Assert.Equal(TestEnvironment.DockerHost, cli.StandardOutput.Trim());

        var candidates = new DockerEndpointResolver(new DockerEnvironment { DockerConfig = config, HomeDirectory = config }).ResolveCandidates();
        using var engine = await new DockerEngineConnector().ConnectAsync(candidates);

        Assert.Equal("docker context 'ecrpublish-test'", engine.Endpoint.Source);
        Assert.Equal(TestEnvironment.DockerHost, engine.Endpoint.Uri.OriginalString);
        Assert.NotEqual("unknown", engine.EngineVersion);
    }

    [Fact]
    public async Task A_dead_DOCKER_HOST_socket_is_a_coded_error_naming_the_socket()
    {
        var directory = TestDockerEngine.NewWorkDirectory("dead-socket");
        var socketPath = Path.Combine(directory, "docker.sock");

        // A socket file that nobody listens on, like the one a killed engine leaves behind: connecting is refused.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        Assert.True(File.Exists(socketPath));
        var candidates = new DockerEndpointResolver(new DockerEnvironment { DockerHost = $"unix://{socketPath}", HomeDirectory = directory }).ResolveCandidates();

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerEngineConnector().ConnectAsync(candidates));

        Assert.Equal(DockerErrorCodes.EngineUnreachable, exception.Code);
        Assert.Contains($"unix://{socketPath} (DOCKER_HOST)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HOST", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tcp_DOCKER_HOST_with_nobody_listening_is_a_coded_error()
    {
        var host = $"tcp://127.0.0.1:{RunningContainer.FreePort()}";
        var candidates = new DockerEndpointResolver(new DockerEnvironment { DockerHost = host, HomeDirectory = TestEnvironment.WorkDirectory }).ResolveCandidates();

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerEngineConnector().ConnectAsync(candidates));

        Assert.Equal(DockerErrorCodes.EngineUnreachable, exception.Code);
        Assert.Contains(host, exception.Message, StringComparison.Ordinal);
    }
}
