using System.Text.Json;
using System.Text.RegularExpressions;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.IntegrationTests.Package;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Scripts;

/// <summary>
/// The release smoke test, build/smoke-aws.sh, run against an in-process LocalEcr through AWS_ENDPOINT_URL_ECR (as it
/// runs against AWS with credentials), with the package the other package tests packed and the dotnet ecr the tests
/// built: it passes, and it deletes both throw-away repositories afterwards, also when the publish fails midway.
/// </summary>
public sealed partial class SmokeAwsScriptTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task The_smoke_test_passes_and_leaves_no_repository_behind()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());

        var result = await RunScriptAsync(localEcr, $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.EndsWith("smoke-aws: PASS", result.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        var (repository, copy) = Repositories(result.StandardOutput);
        Assert.Contains($"{copy}:promoted is sha256:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"ecr:PutImage\"", result.StandardOutput, StringComparison.Ordinal);
        var remaining = await RepositoryNamesAsync(localEcr);
        Assert.DoesNotContain(repository, remaining);
        Assert.DoesNotContain(copy, remaining);
    }

    [Fact]
    public async Task A_publish_that_fails_midway_still_deletes_the_repository_and_fails_the_script()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());

        // A tag ECR refuses: the repository exists by then, the publish fails.
        var result = await RunScriptAsync(localEcr, $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", "-p:EcrImageTags=not/a/tag");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("smoke-aws: FAIL (dotnet publish samples/HelloApi", result.StandardOutput, StringComparison.Ordinal);
        var (repository, _) = Repositories(result.StandardOutput);
        Assert.Contains($"{localEcr.RegistryHost}/{repository}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(repository, result.StandardOutput.Split("Cleaning up")[1], StringComparison.Ordinal);
        Assert.DoesNotContain(repository, await RepositoryNamesAsync(localEcr));
    }

    private async Task<ProcessResult> RunScriptAsync(LocalEcrServer localEcr, params string[] publishArguments)
    {
        var environment = DotnetEnvironment.Clean(package.PackagesDirectory);
        foreach (var (name, value) in LocalEcrEnvironment.For(localEcr))
        {
            environment[name] = value;
        }

        environment["AWS_ENDPOINT_URL_ECR"] = localEcr.Endpoint.GetLeftPart(UriPartial.Authority);
        environment["ECRPUB_DOTNET_ECR"] = CliParityRunner.DotnetEcrAssembly;
        environment["ECRPUB_FEED"] = package.FeedDirectory;
        environment["ECRPUB_PACKAGE_VERSION"] = package.Version;
        return await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "build", "smoke-aws.sh"), "--", .. publishArguments],
            environment, workingDirectory: RepositoryRoot.Path, timeout: TimeSpan.FromMinutes(8));
    }

    private static (string Repository, string Copy) Repositories(string output)
    {
        var match = RepositoriesLine().Match(output);
        Assert.True(match.Success, output);
        return (match.Groups["repository"].Value, match.Groups["copy"].Value);
    }

    /// <summary>What LocalEcr holds after the script, read with dotnet ecr describe-repositories.</summary>
    private static async Task<IReadOnlyList<string>> RepositoryNamesAsync(LocalEcrServer localEcr)
    {
        var environment = LocalEcrEnvironment.For(localEcr);
        var listed = await ProcessRunner.RunAsync("dotnet",
            [CliParityRunner.DotnetEcrAssembly, "describe-repositories", "--endpoint-url", localEcr.Endpoint.ToString(), "--output", "json"], environment);
        listed.EnsureSuccess();
        using var json = JsonDocument.Parse(listed.StandardOutput);
        return json.RootElement.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("repositoryName").GetString()!).ToList();
    }

    [GeneratedRegex(@"throw-away repositories: (?<repository>\S+), (?<copy>\S+)")]
    private static partial Regex RepositoriesLine();
}
