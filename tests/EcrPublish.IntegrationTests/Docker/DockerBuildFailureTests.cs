using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>What the user sees when a Dockerfile step fails: a coded error that names the step and quotes the engine.</summary>
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
    public async Task A_failing_RUN_through_Podman_is_a_build_error_that_names_the_Buildah_step()
    {
        var log = new List<string>();
        var exception = await Assert.ThrowsAsync<DockerBuildException>(() => BuildAsync("RUN echo boom && false", log, TestEngineKind.Podman));

        Assert.Equal(DockerErrorCodes.BuildFailed, exception.Code);
        Assert.Equal("STEP 2/2: RUN echo boom && false", exception.FailingStep);
        Assert.Contains("exit status 1", exception.EngineMessage, StringComparison.Ordinal);
        Assert.Contains(log, line => line.StartsWith("boom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_COPY_of_a_missing_file_is_a_coded_error_naming_the_step()
    {
        var exception = await Assert.ThrowsAsync<DockerBuildException>(() => BuildAsync("COPY missing.txt /missing.txt", []));

        Assert.Equal(DockerErrorCodes.BuildFailed, exception.Code);
        Assert.Equal("Step 2/2 : COPY missing.txt /missing.txt", exception.FailingStep);
        Assert.Contains("missing.txt", exception.EngineMessage, StringComparison.Ordinal);
    }

    private static async Task<DockerBuildResult> BuildAsync(string failingInstruction, List<string> log, TestEngineKind kind = TestEngineKind.Dockerd)
    {
        var directory = TestDockerEngine.NewWorkDirectory("failing-build");
        var publish = Directory.CreateDirectory(Path.Combine(directory, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(publish, "app.txt"), "app");
        var dockerfile = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {TestEnvironment.AspNetBaseImage}\n{failingInstruction}\n");

        using var engine = await TestDockerEngine.ConnectAsync(kind);
        return await new DockerImageBuilder(engine).BuildAsync(new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = publish }, log.Add);
    }
}
