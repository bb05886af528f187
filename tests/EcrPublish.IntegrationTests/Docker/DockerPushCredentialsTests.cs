using System.Text;
using System.Text.Json;
using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>
/// Pushing to a registry that needs a password: it travels only as X-Registry-Auth (which Podman reads as dockerd does),
/// and is found in no file and no log.
/// </summary>
public sealed class DockerPushCredentialsTests(HtpasswdRegistry registry) : IClassFixture<HtpasswdRegistry>
{
    [Theory]
    [InlineData(TestEngineKind.Dockerd)]
    [InlineData(TestEngineKind.Podman)]
    public async Task Pushes_with_in_memory_credentials_and_leaves_the_password_in_no_config_file_engine_state_or_log(TestEngineKind kind)
    {
        var dockerConfig = TestDockerEngine.NewWorkDirectory("docker-config");
        var homeConfig = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".docker", "config.json");
        var homeConfigBefore = File.Exists(homeConfig) ? await File.ReadAllTextAsync(homeConfig) : null;
        using var engine = await TestDockerEngine.ConnectAsync(kind, dockerConfig);
        using var verifier = new PushedManifestVerifier();
        var repository = $"{registry.Address}/private/app-{Guid.NewGuid():N}";
        var log = new StringBuilder();

        var result = await new DockerEnginePublisher(engine, verifier).PublishAsync(
            await TinyBuildAsync(),
            new DockerPushTarget(repository, ["v1", "v2"], new DockerRegistryCredentials(registry.Username, registry.Password)),
            line => log.AppendLine(line),
            update => log.AppendLine(update.ToString()));

        foreach (var tag in result.Tags)
        {
            var inspect = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo,
                ["inspect", "--tls-verify=false", "--creds", $"{registry.Username}:{registry.Password}", $"docker://{repository}:{tag}"])).EnsureSuccess();
            using var document = JsonDocument.Parse(inspect.StandardOutput);
            Assert.Equal(result.Digest, document.RootElement.GetProperty("Digest").GetString());
        }

        Assert.DoesNotContain(registry.Password, log.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dockerConfig));
        Assert.Equal(homeConfigBefore, File.Exists(homeConfig) ? await File.ReadAllTextAsync(homeConfig) : null);
        var engineRoot = (await engine.Client.System.GetSystemInfoAsync()).DockerRootDir;
        Assert.Equal(string.Empty, await FilesContainingAsync(engineRoot, registry.Password));
    }

    [Theory]
    [InlineData(TestEngineKind.Dockerd)]
    [InlineData(TestEngineKind.Podman)]
    public async Task A_wrong_password_is_a_coded_push_error_that_does_not_repeat_the_password(TestEngineKind kind)
    {
        using var engine = await TestDockerEngine.ConnectAsync(kind);
        var image = await new DockerImageBuilder(engine).BuildAsync(await TinyBuildAsync());
        var wrongPassword = $"wrong-{Guid.NewGuid():N}";

        var exception = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerImagePusher(engine).PushAsync(image.ImageId,
            new DockerPushTarget($"{registry.Address}/private/denied", ["v1"], new DockerRegistryCredentials(registry.Username, wrongPassword))));

        Assert.Equal(DockerErrorCodes.PushFailed, exception.Code);
        Assert.Contains($"{registry.Address}/private/denied:v1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("credentials", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPassword, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builds_FROM_a_base_image_in_a_registry_that_needs_the_password_only_when_given_the_credentials()
    {
        var baseImage = $"{registry.Address}/base/aspnet-{Guid.NewGuid():N}:10.0";
        (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["copy", "--quiet", "--src-tls-verify=false", "--dest-tls-verify=false",
            "--dest-creds", $"{registry.Username}:{registry.Password}", $"docker://{TestEnvironment.AspNetBaseImage}", $"docker://{baseImage}"])).EnsureSuccess();
        using var engine = await TestDockerEngine.ConnectAsync();
        var builder = new DockerImageBuilder(engine);
        var request = await TinyBuildAsync(baseImage);

        var denied = await Assert.ThrowsAsync<DockerBuildException>(() => builder.BuildAsync(request));
        var log = new StringBuilder();
        var image = await builder.BuildAsync(
            request with { RegistryCredentials = new Dictionary<string, DockerRegistryCredentials> { [registry.Address] = new(registry.Username, registry.Password) } },
            line => log.AppendLine(line));

        Assert.StartsWith("Step 1/2 : FROM ", denied.FailingStep, StringComparison.Ordinal);
        Assert.Contains("no basic auth credentials", denied.EngineMessage, StringComparison.Ordinal);
        Assert.Matches("^sha256:[0-9a-f]{64}$", image.ImageId);
        Assert.DoesNotContain(registry.Password, log.ToString(), StringComparison.Ordinal);
    }

    private static async Task<DockerBuildRequest> TinyBuildAsync(string? baseImage = null)
    {
        var directory = TestDockerEngine.NewWorkDirectory("tiny-build");
        var publish = Directory.CreateDirectory(Path.Combine(directory, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(publish, "marker.txt"), Guid.NewGuid().ToString());
        var dockerfile = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {baseImage ?? TestEnvironment.AspNetBaseImage}\nCOPY marker.txt /marker.txt\n");
        return new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = publish };
    }

    // The engine's own state (image store, containers, networks, its config), without the layer contents of the storage
    // driver. grep rather than File.ReadAllBytes: the engine holds flock()s on its databases, which .NET's reads respect.
    private static async Task<string> FilesContainingAsync(string root, string secret)
    {
        var grep = await ProcessRunner.RunAsync("grep",
            ["-r", "-l", "-F", "--exclude-dir=vfs", "--exclude-dir=overlay", "--exclude-dir=overlay2", "--exclude-dir=fuse-overlayfs", "-e", secret, root]);
        Assert.True(grep.ExitCode is 0 or 1, $"grep failed: {grep.StandardError}");
        return grep.StandardOutput.Trim();
    }
}
