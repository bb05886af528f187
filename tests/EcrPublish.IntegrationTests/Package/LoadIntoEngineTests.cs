using EcrPublish.IntegrationTests.Docker;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// samples/HelloApi published with the packed EcrPublish into the test engines (EcrLoadInto), then run there and called
/// over HTTP: without AWS at all (EcrPush=false), and pushed to LocalEcr and loaded in one publish through the sample's
/// Visual Studio publish profile.
/// </summary>
public sealed class LoadIntoEngineTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string Greeting = "Hello from HelloApi, published with EcrPublish.";

    [Theory]
    [InlineData(TestEngineKind.Dockerd, "Docker")]
    [InlineData(TestEngineKind.Podman, "podman")]
    public async Task EcrPush_false_loads_the_image_without_AWS_and_it_runs_and_answers(TestEngineKind engine, string loadInto)
    {
        var project = await ConsumerProject.CopyOfSampleAsync(package, "HelloApi");
        var repository = $"local/hello-{Guid.NewGuid().ToString("N")[..8]}";
        var engineHost = engine == TestEngineKind.Podman ? TestEnvironment.PodmanHost : TestEnvironment.DockerHost;
        var environment = WithoutAws(project.Directory);
        // Each engine from its own variable; the other variable points nowhere, so the wrong one would fail.
        environment["DOCKER_HOST"] = engine == TestEngineKind.Podman ? "unix:///nonexistent/docker.sock" : engineHost;
        environment["CONTAINER_HOST"] = engine == TestEngineKind.Podman ? engineHost : "unix:///nonexistent/podman.sock";

        // An ECR endpoint nothing listens on: any ECR call would fail the publish.
        var result = await project.PublishAsync(environment,
            "-p:PublishToEcr=true", "-p:EcrPush=false", $"-p:EcrLoadInto={loadInto}", "-p:EcrServiceUrl=http://127.0.0.1:9",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", $"-p:EcrRepository={repository}");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"EcrPublish: loaded {repository}:v1.2.3", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("@sha256:", result.Output, StringComparison.Ordinal);
        await using (var container = await RunningContainer.StartWebAppAsync($"{repository}:v1.2.3", engineHost))
        {
            Assert.Equal(Greeting, await container.GetAsync("/"));
        }

        await RemoveImageAsync(engineHost, $"{repository}:v1.2.3");
    }

    [Fact]
    public async Task With_the_Dockerfile_builder_EcrPush_false_names_the_image_in_the_engine_that_built_it_without_AWS()
    {
        var project = await ConsumerProject.CopyOfSampleAsync(package, "DockerfileApp");
        var repository = $"local/dockerfile-{Guid.NewGuid().ToString("N")[..8]}";
        var environment = WithoutAws(project.Directory);
        environment["DOCKER_HOST"] = TestEnvironment.DockerHost;

        var result = await project.PublishAsync(environment,
            "-p:PublishToEcr=true", "-p:EcrImageBuilder=Docker", "-p:EcrPush=false", "-p:EcrLoadInto=docker", "-p:EcrServiceUrl=http://127.0.0.1:9",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", $"-p:EcrRepository={repository}");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"EcrPublish: loaded {repository}:v1.2.3", result.Output, StringComparison.Ordinal);
        Assert.Contains("into the engine that built it", result.Output, StringComparison.Ordinal);
        await using (var container = await RunningContainer.StartWebAppAsync($"{repository}:v1.2.3"))
        {
            Assert.Equal("Hello from DockerfileApp", await container.GetAsync("/"));
        }

        await RemoveImageAsync(TestEnvironment.DockerHost, $"{repository}:v1.2.3");
    }

    [Fact]
    public async Task The_ECR_publish_profile_pushes_to_LocalEcr_and_loads_into_Docker_in_one_publish()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CopyOfSampleAsync(package, "HelloApi");
        var environment = LocalEcrEnvironment.For(localEcr);
        environment["DOCKER_HOST"] = TestEnvironment.DockerHost;
        var repository = $"ide/hello-{Guid.NewGuid().ToString("N")[..8]}";

        var result = await project.PublishAsync(environment,
            "-p:PublishProfile=ECR", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            $"-p:EcrRepository={repository}", "-p:EcrScan=None");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"EcrPublish: loaded {repository}:v1.2.3", result.Output, StringComparison.Ordinal);
        Assert.Contains($"EcrPublish: {localEcr.RegistryHost}/{repository}@sha256:", result.Output, StringComparison.Ordinal);
        await using (var container = await RunningContainer.StartWebAppAsync($"{repository}:v1.2.3"))
        {
            Assert.Equal(Greeting, await container.GetAsync("/"));
        }

        await RemoveImageAsync(TestEnvironment.DockerHost, $"{repository}:v1.2.3");
    }

    // The engines outlive the test run's images: remove the image under every name the load gave it.
    private static async Task RemoveImageAsync(string engineHost, string name)
    {
        var id = (await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", engineHost, "image", "inspect", "--format", "{{.Id}}", name])).EnsureSuccess().StandardOutput.Trim();
        (await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", engineHost, "rmi", "-f", id])).EnsureSuccess();
    }

    // No credentials, no region, no profile, no instance metadata: a publish that asked AWS anything would fail.
    private static Dictionary<string, string?> WithoutAws(string directory) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ENDPOINT_URL_ECR"] = null,
        ["AWS_CONFIG_FILE"] = Path.Combine(directory, "no-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(directory, "no-aws-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
