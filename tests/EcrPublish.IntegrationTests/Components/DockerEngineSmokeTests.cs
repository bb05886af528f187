using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Components;

/// <summary>The test Docker engine pulls the base image from the test registry and runs .NET in it.</summary>
public sealed class DockerEngineSmokeTests
{
    [Fact]
    public async Task Engine_runs_the_base_image_and_dotnet_reports_the_runtime()
    {
        var result = (await ProcessRunner.RunAsync(TestEnvironment.Docker,
            ["-H", TestEnvironment.DockerHost, "run", "--rm", "--network=host", TestEnvironment.AspNetBaseImage, "dotnet", "--info"])).EnsureSuccess();

        Assert.Contains("Microsoft.NETCore.App 10.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Microsoft.AspNetCore.App 10.", result.StandardOutput, StringComparison.Ordinal);
    }
}
