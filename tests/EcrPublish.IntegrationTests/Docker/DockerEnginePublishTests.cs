using System.Text.Json;
using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>
/// samples/DockerfileApp built by the real engine, pushed to the test registry, pulled back and run. Through Podman's
/// Docker-compatible API too: Buildah builds it, Podman pushes it, and dockerd, which never saw it, pulls and runs it.
/// </summary>
public sealed class DockerEnginePublishTests(PublishedDockerfileApp app) : IClassFixture<PublishedDockerfileApp>
{
    [Theory]
    [InlineData(TestEngineKind.Dockerd)]
    [InlineData(TestEngineKind.Podman)]
    public async Task Publishes_the_DockerfileApp_under_two_tags_at_one_digest_and_the_image_answers_http(TestEngineKind kind)
    {
        using var engine = await TestDockerEngine.ConnectAsync(kind);
        using var verifier = new PushedManifestVerifier();
        var repository = $"{TestEnvironment.Registry}/samples/dockerfile-app-{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}";
        var log = new List<string>();
        var updates = new List<DockerPushUpdate>();

        var result = await new DockerEnginePublisher(engine, verifier).PublishAsync(
            BuildRequest(),
            new DockerPushTarget(repository, ["1.2.3", "abc1234"]),
            log.Add,
            updates.Add);

        Assert.Matches("^sha256:[0-9a-f]{64}$", result.Digest);
        Assert.Matches("^sha256:[0-9a-f]{64}$", result.ImageId);
        Assert.Equal(["1.2.3", "abc1234"], result.Tags);
        Assert.Equal($"{repository}@{result.Digest}", result.ImageUri);
        if (kind == TestEngineKind.Dockerd)
        {
            Assert.Contains(log, line => line.StartsWith("Step 1/", StringComparison.Ordinal));
            Assert.True(result.BytesPushed > 0, $"bytes pushed: {result.BytesPushed}");
            Assert.Contains(updates, update => update.Status == "Pushed");
        }
        else
        {
            // Buildah's log, not the classic builder's.
            Assert.Contains(log, line => line.Contains("STEP 1/", StringComparison.Ordinal));
            Assert.Contains(updates, update => update.Status.StartsWith("1.2.3: digest: ", StringComparison.Ordinal));
            // Debian 12's Podman (4.3) streams no layer progress on push, so how much was uploaded is unknown: null, not a made-up zero.
            Assert.True(result.BytesPushed is null, $"bytes pushed: {result.BytesPushed}");
        }

        foreach (var tag in result.Tags)
        {
            var inspect = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", "--tls-verify=false", $"docker://{repository}:{tag}"])).EnsureSuccess();
            using var document = JsonDocument.Parse(inspect.StandardOutput);
            Assert.Equal(result.Digest, document.RootElement.GetProperty("Digest").GetString());
            Assert.Equal("1.2.3", document.RootElement.GetProperty("Labels").GetProperty("org.opencontainers.image.version").GetString());
        }

        // Run the pushed image by digest, pulled from the registry by dockerd.
        if (kind == TestEngineKind.Dockerd)
        {
            (await Docker(["rmi", $"{repository}:1.2.3", $"{repository}:abc1234"])).EnsureSuccess();
        }

        await using var container = await RunningContainer.StartWebAppAsync(result.ImageUri);
        Assert.Equal("Hello from DockerfileApp", await container.GetAsync("/"));

        using var version = JsonDocument.Parse(await container.GetAsync("/version"));
        Assert.Equal("1.2.3", version.RootElement.GetProperty("version").GetString());
        Assert.Equal("abc1234", version.RootElement.GetProperty("revision").GetString());
        Assert.Equal("1.2.3+abc1234", version.RootElement.GetProperty("stamp").GetString());
        Assert.Equal("from appsettings.json", version.RootElement.GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task Files_the_dockerignore_excludes_are_absent_from_the_image_and_its_exceptions_are_present()
    {
        using var engine = await TestDockerEngine.ConnectAsync();

        var image = await new DockerImageBuilder(engine).BuildAsync(BuildRequest());

        var listing = (await Docker(["run", "--rm", "--network=host", "--entrypoint", "ls", image.ImageId, "-a", "/app"])).EnsureSuccess();
        var files = listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("DockerfileApp.dll", files);
        Assert.Contains("appsettings.json", files);
        Assert.True(File.Exists(Path.Combine(app.PublishDirectory, "DockerfileApp.pdb")), "the publish output should hold the pdb the .dockerignore drops");
        Assert.True(File.Exists(Path.Combine(app.PublishDirectory, "appsettings.Development.json")), "the publish output should hold the settings the .dockerignore drops");
        Assert.DoesNotContain("DockerfileApp.pdb", files);
        Assert.DoesNotContain("appsettings.Development.json", files);
        Assert.DoesNotContain("Dockerfile", files);
        Assert.DoesNotContain(".dockerignore", files);
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

    private static Task<ProcessResult> Docker(IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, .. arguments]);
}
