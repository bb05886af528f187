using System.Text.Json;
using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>
/// samples/DockerfileApp built and pushed through Podman's Docker-compatible API (Buildah builds it, Podman pushes it to the
/// test registry), then pulled and run by the Docker engine: the image Podman made is an ordinary image.
/// </summary>
public sealed class PodmanEnginePublishTests(PublishedDockerfileApp app) : IClassFixture<PublishedDockerfileApp>
{
    [Fact]
    public async Task Publishes_the_DockerfileApp_through_Podman_under_two_tags_at_one_digest_and_dockerd_runs_it()
    {
        using var engine = await TestPodmanEngine.ConnectAsync();
        Assert.True(await TestPodmanEngine.IsPodmanAsync(engine), $"the engine at {engine.Endpoint.Describe()} (version {engine.EngineVersion}) is not Podman");
        using var verifier = new PushedManifestVerifier();
        var repository = $"{TestEnvironment.Registry}/samples/dockerfile-app-podman-{Guid.NewGuid():N}";
        var log = new List<string>();
        var updates = new List<DockerPushUpdate>();

        var result = await new DockerEnginePublisher(engine, verifier).PublishAsync(
            BuildRequest(),
            new DockerPushTarget(repository, ["1.2.3", "abc1234"]),
            log.Add,
            updates.Add);

        // Buildah's log, not the classic builder's.
        Assert.Contains(log, line => line.Contains("STEP 1/", StringComparison.Ordinal));
        Assert.Matches("^sha256:[0-9a-f]{64}$", result.Digest);
        Assert.Matches("^sha256:[0-9a-f]{64}$", result.ImageId);
        Assert.Equal(["1.2.3", "abc1234"], result.Tags);
        Assert.Equal($"{repository}@{result.Digest}", result.ImageUri);
        Assert.Contains(updates, update => update.Status.StartsWith("1.2.3: digest: ", StringComparison.Ordinal));

        // Debian 12's Podman (4.3) streams no layer progress on push, so how much was uploaded is unknown: null, not a made-up zero.
        Assert.True(result.BytesPushed is null, $"bytes pushed: {result.BytesPushed}");

        foreach (var tag in result.Tags)
        {
            var inspect = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", "--tls-verify=false", $"docker://{repository}:{tag}"])).EnsureSuccess();
            using var document = JsonDocument.Parse(inspect.StandardOutput);
            Assert.Equal(result.Digest, document.RootElement.GetProperty("Digest").GetString());
            Assert.Equal("1.2.3", document.RootElement.GetProperty("Labels").GetProperty("org.opencontainers.image.version").GetString());
        }

        // The Docker engine, which never saw this image, pulls it by digest from the registry and runs it.
        await using var container = await RunningContainer.StartWebAppAsync(result.ImageUri);
        Assert.Equal("Hello from DockerfileApp", await container.GetAsync("/"));

        using var version = JsonDocument.Parse(await container.GetAsync("/version"));
        Assert.Equal("1.2.3", version.RootElement.GetProperty("version").GetString());
        Assert.Equal("abc1234", version.RootElement.GetProperty("revision").GetString());
    }

    [Fact]
    public async Task A_failing_RUN_is_a_build_error_that_names_the_Buildah_step()
    {
        using var engine = await TestPodmanEngine.ConnectAsync();
        var directory = TestDockerEngine.NewWorkDirectory("podman-failing-build");
        var publish = Directory.CreateDirectory(Path.Combine(directory, "out")).FullName;
        var dockerfile = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {TestEnvironment.AspNetBaseImage}\nRUN echo boom-{Guid.NewGuid():N} && false\n");
        var log = new List<string>();

        var exception = await Assert.ThrowsAsync<DockerBuildException>(() => new DockerImageBuilder(engine).BuildAsync(
            new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = publish }, log.Add));

        Assert.StartsWith("STEP 2/2: RUN echo boom-", exception.FailingStep, StringComparison.Ordinal);
        Assert.Contains("exit status 1", exception.EngineMessage, StringComparison.Ordinal);
        Assert.Contains(log, line => line.StartsWith("boom-", StringComparison.Ordinal));
    }

    private DockerBuildRequest BuildRequest() => new()
    {
        DockerfilePath = app.DockerfilePath,
        PublishDirectory = app.PublishDirectory,
        BuildArgs = new Dictionary<string, string>
        {
            ["BASE_IMAGE"] = TestEnvironment.AspNetBaseImage,
            ["VERSION"] = "1.2.3",
            ["GIT_SHA"] = "abc1234",
        },
        Labels = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.2.3" },
    };
}
