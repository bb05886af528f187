using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>A project-directory context, a target stage, build args, labels, platform and no-cache reach the real engine.</summary>
public sealed class DockerBuildOptionsTests
{
    [Fact]
    public async Task Builds_the_target_stage_from_a_context_directory_with_build_args_labels_and_platform()
    {
        var context = await WriteMultiStageProjectAsync();
        using var engine = await TestDockerEngine.ConnectAsync();

        var image = await new DockerImageBuilder(engine).BuildAsync(Request(context, noCache: false));

        var inspected = await engine.Client.Images.InspectImageAsync(image.ImageId);
        var labels = inspected.Config?.Labels ?? throw new InvalidOperationException("the image has no labels");
        Assert.Equal("first", labels["stage"]);
        Assert.Equal("hi there", labels["greeting"]);
        Assert.Equal("abc1234", labels["org.opencontainers.image.revision"]);
        Assert.Equal("amd64", inspected.Architecture);
        var files = (await ProcessRunner.RunAsync(TestEnvironment.Docker,
            ["-H", TestEnvironment.DockerHost, "run", "--rm", "--network=host", "--entrypoint", "ls", image.ImageId, "/ctx"])).EnsureSuccess();
        Assert.Equal(["docker", "src"], files.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task No_cache_rebuilds_every_step_that_would_otherwise_come_from_the_cache()
    {
        var context = await WriteMultiStageProjectAsync();
        using var engine = await TestDockerEngine.ConnectAsync();
        var builder = new DockerImageBuilder(engine);
        await builder.BuildAsync(Request(context, noCache: false));

        var cachedLog = new List<string>();
        var cached = await builder.BuildAsync(Request(context, noCache: false), cachedLog.Add);
        var uncachedLog = new List<string>();
        var uncached = await builder.BuildAsync(Request(context, noCache: true), uncachedLog.Add);

        Assert.Contains(cachedLog, line => line.Contains("Using cache", StringComparison.Ordinal));
        Assert.DoesNotContain(uncachedLog, line => line.Contains("Using cache", StringComparison.Ordinal));
        Assert.NotEqual(cached.ImageId, uncached.ImageId);
    }

    private static DockerBuildRequest Request(string context, bool noCache) => new()
    {
        DockerfilePath = Path.Combine(context, "docker", "App.Dockerfile"),
        ContextDirectory = context,
        BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = TestEnvironment.AspNetBaseImage, ["GREETING"] = "hi there" },
        Labels = new Dictionary<string, string> { ["org.opencontainers.image.revision"] = "abc1234" },
        Target = "first",
        Platform = "linux/amd64",
        NoCache = noCache,
    };

    // A project directory as context: the Dockerfile lives in docker/, .dockerignore keeps secret.txt out.
    private static async Task<string> WriteMultiStageProjectAsync()
    {
        var context = TestDockerEngine.NewWorkDirectory("multi-stage");
        Directory.CreateDirectory(Path.Combine(context, "src"));
        Directory.CreateDirectory(Path.Combine(context, "docker"));
        await File.WriteAllTextAsync(Path.Combine(context, "src", "hello.txt"), Guid.NewGuid().ToString());
        await File.WriteAllTextAsync(Path.Combine(context, "secret.txt"), "must stay out");
        await File.WriteAllTextAsync(Path.Combine(context, ".dockerignore"), "secret.txt\n.dockerignore\n");
        await File.WriteAllTextAsync(Path.Combine(context, "docker", "App.Dockerfile"), """
            ARG BASE_IMAGE
            FROM ${BASE_IMAGE} AS first
            ARG GREETING
            COPY . /ctx/
            LABEL stage=first greeting="${GREETING}"

            FROM ${BASE_IMAGE} AS second
            LABEL stage=second
            """);
        return context;
    }
}
