using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// Visual Studio 2026 runs the tasks in a .NET task host process (Runtime="NET", TaskHostFactory); EcrRunTasksOutOfProcess
/// takes that path on 'dotnet publish', so it is proven here: LibGit2Sharp's native library loads in the task host, and
/// the parameters and outputs cross the process boundary.
/// </summary>
public sealed class TaskHostPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task Publishes_with_the_tasks_in_a_task_host_process_as_Visual_Studio_does()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2etaskhost", web: true);
        var sha = await project.GitAsync("rev-parse", "--short=7", "HEAD");

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", "-p:EcrRunTasksOutOfProcess=true", $"-p:EcrServiceUrl={localEcr.Endpoint}",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", "-p:EcrRepository=e2e/taskhost", "-p:EcrScan=None", "-v:d");

        var output = result.Output;
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("Launching task \"ComputeEcrImageTags\"", output, StringComparison.Ordinal);
        Assert.Contains("Launching task \"PublishToEcr\"", output, StringComparison.Ordinal);
        Assert.Contains("external task host", output, StringComparison.Ordinal);
        Assert.Contains($"EcrPublish: {localEcr.RegistryHost}/e2e/taskhost@sha256:", output, StringComparison.Ordinal);
        Assert.Contains($"tags v1.2.3, {sha}, v1.2.3-{sha}, latest", output, StringComparison.Ordinal);
    }
}
