using System.Diagnostics;
using EcrPublish.LocalEcr;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>dotnet ecr against LocalEcr: the same output as the AWS CLI there, and <c>dotnet ecr local</c> serving it.</summary>
public sealed class LocalEcrParityTests
{
    // v2 only: LocalEcr answers v1 in LocalEcr.Tests' cheat-sheet tests, and dotnet ecr's v1 differences are covered on moto.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Cheat_sheet_repository_and_image_commands_match_the_aws_cli_on_LocalEcr(AwsCliVersion cli)
    {
        await using var server = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing" });
        var run = new CliParityRunner("local", server.Endpoint.GetLeftPart(UriPartial.Authority), cli);

        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/backend",
            "--image-scanning-configuration", "scanOnPush=true", "--image-tag-mutability", "IMMUTABLE",
            "--tags", "Key=Environment,Value=Production", "Key=Team,Value=Backend");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "--query", "repositories[0].repositoryUri", "--output", "text");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "--output", "table");
        await run.AssertSameAsync("list-images", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend", "--filter", "tagStatus=UNTAGGED");
        await run.AssertSameAsync("put-lifecycle-policy", "--repository-name", "REPO/backend",
            "--lifecycle-policy-text", CheatSheetFiles.Write("lifecycle-policy.json", CheatSheetFiles.LifecyclePolicy));
        await run.AssertSameAsync("get-lifecycle-policy", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/absent");
        await run.AssertSameAsync("delete-repository", "--repository-name", "REPO/backend", "--force");
    }

    [Fact]
    public async Task Dotnet_ecr_local_serves_an_ecr_that_dotnet_ecr_can_use()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The secret from a file (not the command line, where ps shows it): dotnet ecr local passes LocalEcr's options through.
        var secretFile = Path.Combine(Path.GetTempPath(), "localecr-secret-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(secretFile, "testing\n");
        foreach (var argument in new[] { CliParityRunner.DotnetEcrAssembly, "local", "--access-key", "testing", "--secret-key-file", secretFile, "--hostname", "registry.test" })
        {
            start.ArgumentList.Add(argument);
        }

        using var local = Process.Start(start)!;
        try
        {
            string? endpoint = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (endpoint is null && await local.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("LocalEcr: ECR API and registry on ", StringComparison.Ordinal))
                {
                    endpoint = line["LocalEcr: ECR API and registry on ".Length..].Split(' ')[0];
                }
            }

            Assert.NotNull(endpoint);
            var name = $"cli-local-{Guid.NewGuid().ToString("N")[..8]}";
            var created = (await CliParityRunner.DotnetEcrAtAsync(endpoint, ["create-repository", "--repository-name", name])).EnsureSuccess();
            var listed = (await CliParityRunner.DotnetEcrAtAsync(endpoint, ["describe-repositories", "--query", "repositories[*].repositoryName", "--output", "text"])).EnsureSuccess();

            Assert.Contains($"\"repositoryName\": \"{name}\"", created.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(name + "\n", listed.StandardOutput);
        }
        finally
        {
            local.Kill(entireProcessTree: true);
            await local.WaitForExitAsync();
            File.Delete(secretFile);
        }
    }
}
