using System.Globalization;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// Packs the EcrPublish nupkg once per test run, with a fresh version so no stale copy from an earlier run
/// can be restored, into a local feed under ECRPUB_WORK; consumers restore into a private package folder.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public string WorkDirectory { get; } = Path.Combine(TestEnvironment.WorkDirectory, "msbuild-package-" + Guid.NewGuid().ToString("N")[..8]);

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"EcrPublish.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        var project = Path.Combine(RepositoryRoot.Path, "src", "EcrPublish.Tasks", "EcrPublish.Tasks.csproj");
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            ["pack", project, "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}", "-nodeReuse:false"],
            DotnetEnvironment.Clean(),
            timeout: TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        result.EnsureSuccess();
    }

    /// <summary>
    /// Writes a NuGet.Config that adds the test feed; the machine's own sources still apply (user-level config).
    /// </summary>
    public Task WriteNuGetConfigAsync(string directory) =>
        File.WriteAllTextAsync(Path.Combine(directory, "NuGet.Config"), $"""
            <configuration>
              <packageSources>
                <add key="ecrpublish-test-feed" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leave the folder for inspection rather than fail the run.
        }

        return Task.CompletedTask;
    }
}
