using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary><c>skopeo copy</c> into LocalEcr from the test registry and back out into an OCI layout.</summary>
public sealed class SkopeoCopyTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync();

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Skopeo_copies_an_image_in_and_out()
    {
        await ecr.CreateRepositoryAsync("mirror/aspnet");
        var creds = "AWS:" + await ecr.PasswordAsync();
        var target = $"docker://{ecr.Host}/mirror/aspnet:10.0";
        (await Skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-creds", creds,
            $"docker://{TestEnvironment.AspNetBaseImage}", target)).EnsureSuccess();

        var inspected = JsonNode.Parse((await Skopeo("inspect", "--tls-verify=false", "--creds", creds, "--raw", target)).EnsureSuccess().StandardOutput)!;
        Assert.Equal(2, inspected["schemaVersion"]!.GetValue<int>());
        var detail = (await ecr.Ecr.CallAsync("DescribeImages", """{"repositoryName":"mirror/aspnet","imageIds":[{"imageTag":"10.0"}]}""")).Ok()["imageDetails"]![0]!;

        var layout = Path.Combine(TestEnvironment.WorkDirectory, "oci-" + Guid.NewGuid().ToString("N"));
        try
        {
            (await Skopeo("copy", "--src-tls-verify=false", "--src-creds", creds, target, $"oci:{layout}:copy")).EnsureSuccess();
            var index = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(layout, "index.json")))!;
            Assert.Equal(detail["imageDigest"]!.GetValue<string>(), index["manifests"]![0]!["digest"]!.GetValue<string>());
        }
        finally
        {
            if (Directory.Exists(layout))
            {
                Directory.Delete(layout, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Skopeo_without_credentials_is_refused()
    {
        await ecr.CreateRepositoryAsync("mirror/private");
        var result = await Skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-no-creds",
            $"docker://{TestEnvironment.AspNetBaseImage}", $"docker://{ecr.Host}/mirror/private:x");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty((await ecr.Ecr.CallAsync("ListImages", """{"repositoryName":"mirror/private"}""")).Ok()["imageIds"]!.AsArray());
    }

    private static Task<ProcessResult> Skopeo(params string[] arguments) =>
        ProcessRunner.RunAsync(TestEnvironment.Skopeo, arguments, new Dictionary<string, string?> { ["REGISTRY_AUTH_FILE"] = Path.Combine(TestEnvironment.WorkDirectory, "no-auth.json") }, timeout: TimeSpan.FromMinutes(5));
}
