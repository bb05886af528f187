using System.Text.Json;
using EcrPublish.IntegrationTests.Package;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Bench;

/// <summary>
/// CI's check of the benchmark script: 'build/bench.sh --tiny' runs against the test environment's registry,
/// moto and base image, with the package the other package tests use, and its summary shows the no-change re-publish
/// sending no layer bytes. Timings are written, never asserted.
/// </summary>
public sealed class BenchScriptTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task The_tiny_benchmark_runs_and_a_republish_without_change_sends_no_layer_bytes()
    {
        var root = RepositoryRoot.Path;
        var work = Path.Combine(TestEnvironment.WorkDirectory, "bench-" + Guid.NewGuid().ToString("N")[..8]);
        var output = Path.Combine(work, "out");
        var environment = DotnetEnvironment.Clean(package.PackagesDirectory);
        environment["ECRPUB_REGISTRY"] = TestEnvironment.Registry;
        environment["ECRPUB_MOTO_URL"] = TestEnvironment.MotoUrl;
        environment["ECRPUB_BASE_ASPNET"] = TestEnvironment.AspNetBaseImage;
        environment["BENCH_OUT"] = output;
        environment["BENCH_FEED"] = package.FeedDirectory;
        environment["BENCH_PACKAGE_VERSION"] = package.Version;
        // Without the engine bench.sh compares the two .NET tools only: docker build + push (the third tool, for the full
        // benchmark) adds minutes on a busy CI machine and nothing this test checks.
        environment["ECRPUB_DOCKER_HOST"] = null;

        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(root, "build", "bench.sh"), "--tiny"], environment,
            workingDirectory: root, timeout: TimeSpan.FromMinutes(9));

        Assert.True(result.ExitCode == 0, result.Output);
        var summaryFile = Path.Combine(output, "summary.json");
        Assert.True(File.Exists(summaryFile), $"no {summaryFile}");
        Assert.True(File.Exists(Path.Combine(output, "summary.md")));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile));
        var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["1-cold", "2-nochange"], scenarios.Select(s => s.GetProperty("scenario").GetString()));
        var cold = scenarios[0].GetProperty("tools");
        var unchanged = scenarios[1].GetProperty("tools");
        // The cold push really went through the measuring proxy, for both tools.
        Assert.True(cold.GetProperty("ecrpublish").GetProperty("blob_bytes_up").GetInt64() > 0);
        Assert.True(cold.GetProperty("sdk").GetProperty("blob_bytes_up").GetInt64() > 0);
        Assert.Equal(0, unchanged.GetProperty("ecrpublish").GetProperty("blob_bytes_up").GetInt64());
        Assert.Equal(0, unchanged.GetProperty("ecrpublish").GetProperty("blob_uploads").GetInt64());
    }
}
