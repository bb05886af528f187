using System.Net.Sockets;
using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>What the user sees when the Dockerfile fails or no engine answers: coded errors that name the step or the endpoints tried.</summary>
public sealed class DockerBuildFailureTests
{
    [Fact]
    public async Task A_failing_RUN_step_is_a_coded_error_naming_the_step_and_the_engine_message()
    {
        var log = new List<string>();
        var exception = await Assert.ThrowsAsync<DockerBuildException>(() => BuildAsync("RUN false", log));

        Assert.Equal(DockerErrorCodes.BuildFailed, exception.Code);
        Assert.Equal("Step 2/2 : RUN false", exception.FailingStep);
        Assert.Contains("returned a non-zero code: 1", exception.EngineMessage, StringComparison.Ordinal);
        Assert.StartsWith("ECR6012: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Step 2/2 : RUN false'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Step 2/2 : RUN false", log);
    }

    [Fact]
    public async Task A_COPY_of_a_missing_file_is_a_coded_error_naming_the_step()
    {
        var exception = await Assert.ThrowsAsync<DockerBuildException>(() => BuildAsync("COPY missing.txt /missing.txt", []));

        Assert.Equal(DockerErrorCodes.BuildFailed, exception.Code);
        Assert.Equal("Step 2/2 : COPY missing.txt /missing.txt", exception.FailingStep);
        Assert.Contains("missing.txt", exception.EngineMessage, StringComparison.Ordinal);
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
        var host = $"tcp://127.0.0.1:{TestDockerEngine.FreePort()}";
        var candidates = new DockerEndpointResolver(new DockerEnvironment { DockerHost = host, HomeDirectory = TestEnvironment.WorkDirectory }).ResolveCandidates();

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerEngineConnector().ConnectAsync(candidates));

        Assert.Equal(DockerErrorCodes.EngineUnreachable, exception.Code);
        Assert.Contains(host, exception.Message, StringComparison.Ordinal);
    }

    private static async Task<DockerBuildResult> BuildAsync(string failingInstruction, List<string> log)
    {
        var directory = TestDockerEngine.NewWorkDirectory("failing-build");
        var publish = Directory.CreateDirectory(Path.Combine(directory, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(publish, "app.txt"), "app");
        var dockerfile = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {TestEnvironment.AspNetBaseImage}\n{failingInstruction}\n");

        using var engine = await TestDockerEngine.ConnectAsync();
        return await new DockerImageBuilder(engine).BuildAsync(new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = publish }, log.Add);
    }
}
