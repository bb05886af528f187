using System.Text.Json;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// samples/DockerfileApp (multi-stage Dockerfile over the publish output) published the way its users do, with
/// 'dotnet publish -p:PublishToEcr=true' and the packed EcrPublish, through the test Docker engine: into LocalEcr
/// and into moto + Debian's registry; then pulled, run and called.
/// </summary>
public sealed class DockerfileAppPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task The_Dockerfile_the_project_asks_for_builds_through_the_engine_into_LocalEcr_and_the_image_answers_with_its_build_args()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CopyOfSampleAsync(package, "DockerfileApp");
        var environment = EngineEnvironment(LocalEcrEnvironment.For(localEcr), project);

        // The sample sets EcrImageBuilder=Docker: the Dockerfile next to it is built, and ECR1059 does not appear.
        var result = await project.PublishAsync(environment,
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=samples/dockerfile-app", "-p:EcrScan=None");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("ECR1059", result.Output, StringComparison.Ordinal);
        var sha = await project.GitAsync("rev-parse", "--short=7", "HEAD");
        var imageUri = $"{localEcr.RegistryHost}/samples/dockerfile-app";
        var digest = PublishedDigest(project, imageUri);
        Assert.Contains($"EcrPublish: {imageUri}@{digest} tags v1.2.3, {sha}, v1.2.3-{sha}, latest (built by the Docker engine)", result.Output, StringComparison.Ordinal);
        // The ECR token travelled in memory only: neither Docker's config folder nor the log has it.
        var password = await LocalEcrEnvironment.LoginPasswordAsync(localEcr);
        Assert.False(Directory.Exists(environment["DOCKER_CONFIG"]), "the Docker config folder should not exist");
        Assert.DoesNotContain(password, result.Output, StringComparison.Ordinal);

        var inspect = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo,
            ["inspect", "--tls-verify=false", "--creds", $"AWS:{password}", $"docker://{imageUri}:{sha}"])).EnsureSuccess();
        using (var inspected = JsonDocument.Parse(inspect.StandardOutput))
        {
            Assert.Equal(digest, inspected.RootElement.GetProperty("Digest").GetString());
            Assert.Equal("1.2.3", inspected.RootElement.GetProperty("Labels").GetProperty("org.opencontainers.image.version").GetString());
        }

        await LocalEcrEnvironment.PullAsync(localEcr, $"{imageUri}@{digest}");
        await AssertAnswersAsync($"{imageUri}@{digest}", sha);
    }

    [Fact]
    public async Task EcrImageBuilder_Docker_pushes_the_sample_to_moto_and_Debians_registry_and_republishing_keeps_the_digest()
    {
        var project = await ConsumerProject.CopyOfSampleAsync(package, "DockerfileApp");
        var repository = $"samples/dockerfile-app-{Guid.NewGuid().ToString("N")[..8]}";
        var environment = EngineEnvironment(new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_ENDPOINT_URL_ECR"] = null,
            ["AWS_PROFILE"] = null,
        }, project);
        string[] arguments =
        [
            "-p:PublishToEcr=true", "-p:EcrImageBuilder=Docker", $"-p:EcrServiceUrl={TestEnvironment.MotoUrl}",
            $"-p:EcrRegistryEndpoint=http://{TestEnvironment.Registry}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            $"-p:EcrRepository={repository}", "-p:EcrScan=None",
        ];

        var first = await project.PublishAsync(environment, arguments);
        var again = await project.PublishAsync(environment, arguments);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.DoesNotContain("because it lies next to the project", first.Output, StringComparison.Ordinal);
        var imageUri = $"{TestEnvironment.Registry}/{repository}";
        var digest = PublishedDigest(project, imageUri);
        Assert.True(again.ExitCode == 0, again.Output);
        // The engine's build cache and the same inputs give the same image: the second publish pushes the same digest.
        Assert.Contains($"EcrPublish: {imageUri}@{digest} tags v1.2.3, ", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789012-auth-token", first.Output, StringComparison.Ordinal);
        await AssertAnswersAsync($"{imageUri}:v1.2.3", await project.GitAsync("rev-parse", "--short=7", "HEAD"));
    }

    // The engine comes from DOCKER_HOST; a private DOCKER_CONFIG shows whether anything wrote credentials to it.
    [Fact]
    public async Task A_Dockerfile_whose_base_image_is_missing_fails_before_the_repository_is_created()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CopyOfSampleAsync(package, "DockerfileApp");

        var result = await project.PublishAsync(EngineEnvironment(LocalEcrEnvironment.For(localEcr), project),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.Registry}/dotnet/no-such-base:10.0",
            "-p:EcrRepository=samples/dockerfile-no-base", "-p:EcrScan=None");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR6012", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
    }

    private static Dictionary<string, string?> EngineEnvironment(Dictionary<string, string?> aws, ConsumerProject project)
    {
        aws["DOCKER_HOST"] = TestEnvironment.DockerHost;
        aws["DOCKER_CONFIG"] = Path.Combine(project.Directory, "docker-config");
        return aws;
    }

    private static async Task AssertAnswersAsync(string image, string sha)
    {
        await using var container = await RunningContainer.StartWebAppAsync(image);
        Assert.Equal("Hello from DockerfileApp", await container.GetAsync("/"));
        using var version = JsonDocument.Parse(await container.GetAsync("/version"));
        Assert.Equal("1.2.3", version.RootElement.GetProperty("version").GetString());
        var revision = version.RootElement.GetProperty("revision").GetString();
        Assert.StartsWith(sha, revision, StringComparison.Ordinal);
        // Written by the Dockerfile's first stage, copied by the second.
        Assert.Equal($"1.2.3+{revision}", version.RootElement.GetProperty("stamp").GetString());
        Assert.Equal("from appsettings.json", version.RootElement.GetProperty("greeting").GetString());
    }

    private static string PublishedDigest(ConsumerProject project, string imageUri)
    {
        var path = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        using var result = JsonDocument.Parse(File.ReadAllText(path));
        var image = result.RootElement.GetProperty("images")[0];
        Assert.Equal(imageUri, image.GetProperty("repositoryUri").GetString());
        return image.GetProperty("digest").GetString()!;
    }
}
