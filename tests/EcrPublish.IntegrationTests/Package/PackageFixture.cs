using System.Globalization;
using System.Reflection;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// Packs the EcrPublish nupkg once per test run, with a fresh version so no stale copy from an earlier run
/// can be restored, into a local feed under ECRPUB_WORK; consumers restore into a private package folder.
/// </summary>
/// <remarks>
/// A class fixture whose pack is shared by the whole test process: the classes that publish the package run side by
/// side with the rest instead of one after another in one collection, and it is still packed once. It is packed in the
/// configuration the tests were built in, whose build of the tasks is already there (a Release pack compiled every
/// project again), and its folder goes when the test process ends.
/// </remarks>
public sealed class PackageFixture : IAsyncLifetime
{
    private static readonly string SharedVersion = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    private static readonly string SharedWorkDirectory = Path.Combine(TestEnvironment.WorkDirectory, "msbuild-package-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly Lazy<Task> Packed = new(PackAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Version { get; } = SharedVersion;

    public string WorkDirectory { get; } = SharedWorkDirectory;

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"EcrPublish.{Version}.nupkg");

    public Task InitializeAsync() => Packed.Value;

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

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task PackAsync()
    {
        var feed = Path.Combine(SharedWorkDirectory, "feed");
        Directory.CreateDirectory(feed);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteWorkDirectory();
        var configuration = typeof(PackageFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryRoot.Path, "src", "EcrPublish.Tasks", "EcrPublish.Tasks.csproj");
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            ["pack", project, "-c", configuration, "-o", feed, $"-p:Version={SharedVersion}", "-nodeReuse:false"],
            DotnetEnvironment.Clean(),
            timeout: TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        result.EnsureSuccess();
    }

    private static void DeleteWorkDirectory()
    {
        try
        {
            Directory.Delete(SharedWorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leave the folder for inspection rather than fail the run.
        }
    }
}
