using System.Text;
using System.Text.Json;
using EcrPublish.Docker;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docker;

/// <summary>Pushing through Podman to a registry that needs a password: Podman reads the X-Registry-Auth header the product sends, as dockerd does.</summary>
public sealed class PodmanPushCredentialsTests(HtpasswdRegistry registry) : IClassFixture<HtpasswdRegistry>
{
    [Fact]
    public async Task Pushes_through_Podman_with_the_credentials_in_X_Registry_Auth_and_a_wrong_password_is_a_coded_push_error()
    {
        var dockerConfig = TestDockerEngine.NewWorkDirectory("docker-config");
        using var engine = await TestPodmanEngine.ConnectAsync(dockerConfig);
        using var verifier = new PushedManifestVerifier();
        var repository = $"{registry.Address}/private/app-{Guid.NewGuid():N}";
        var log = new StringBuilder();
        var build = await TinyBuildAsync();

        var result = await new DockerEnginePublisher(engine, verifier).PublishAsync(
            build,
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

        var wrongPassword = $"wrong-{Guid.NewGuid():N}";
        var denied = await Assert.ThrowsAsync<DockerEngineException>(() => new DockerImagePusher(engine).PushAsync(result.ImageId,
            new DockerPushTarget($"{registry.Address}/private/denied", ["v1"], new DockerRegistryCredentials(registry.Username, wrongPassword))));

        Assert.Equal(DockerErrorCodes.PushFailed, denied.Code);
        Assert.Contains($"{registry.Address}/private/denied:v1", denied.Message, StringComparison.Ordinal);
        Assert.Contains("credentials", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongPassword, denied.ToString(), StringComparison.Ordinal);
    }

    private static async Task<DockerBuildRequest> TinyBuildAsync()
    {
        var directory = TestDockerEngine.NewWorkDirectory("podman-tiny-build");
        var publish = Directory.CreateDirectory(Path.Combine(directory, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(publish, "marker.txt"), Guid.NewGuid().ToString());
        var dockerfile = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {TestEnvironment.AspNetBaseImage}\nCOPY marker.txt /marker.txt\n");
        return new DockerBuildRequest { DockerfilePath = dockerfile, PublishDirectory = publish };
    }
}
