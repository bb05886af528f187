using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Components;

/// <summary>Debian's docker-registry is up, accepts a push and serves the image back.</summary>
public sealed class RegistrySmokeTests
{
    [Fact]
    public async Task Registry_accepts_a_pushed_image_and_serves_it_back()
    {
        var repository = $"smoke/copy-{Guid.NewGuid():N}";
        var target = $"docker://{TestEnvironment.Registry}/{repository}:v1";

        (await ProcessRunner.RunAsync(TestEnvironment.Skopeo,
            ["copy", "--quiet", "--src-tls-verify=false", "--dest-tls-verify=false", $"docker://{TestEnvironment.AspNetBaseImage}", target]))
            .EnsureSuccess();

        var inspect = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo,
            ["inspect", "--tls-verify=false", "--format", "{{.Name}} {{.Os}}/{{.Architecture}} {{len .Layers}}", target])).EnsureSuccess();
        Assert.Equal($"{TestEnvironment.Registry}/{repository} linux/amd64 1", inspect.StandardOutput.Trim());

        var tags = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo,
            ["list-tags", "--tls-verify=false", $"docker://{TestEnvironment.Registry}/{repository}"])).EnsureSuccess();
        Assert.Contains("\"v1\"", tags.StandardOutput, StringComparison.Ordinal);
    }
}
