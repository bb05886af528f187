using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>The verbs beyond the AWS CLI (<c>images cleanup</c>, <c>scan report</c>) against moto's ECR.</summary>
public sealed class ExtraVerbTests
{
    [Fact]
    public async Task Images_cleanup_deletes_exactly_the_untagged_images()
    {
        var repository = $"cli-cleanup-{Guid.NewGuid().ToString("N")[..8]}";
        await MotoSeed.CreateRepositoryAsync(repository);
        foreach (var variant in new[] { 7001, 7002, 7003 })
        {
            await MotoSeed.PutImageAsync(repository, CheatSheetFiles.Manifest(variant));
        }

        await MotoSeed.PutImageAsync(repository, CheatSheetFiles.Manifest(7009), "keep");

        var dryRun = (await CliParityRunner.DotnetEcrAsync("images", "cleanup", "--repository-name", repository, "--untagged", "--dry-run")).EnsureSuccess();
        var tooYoung = (await CliParityRunner.DotnetEcrAsync("images", "cleanup", "--repository-name", repository, "--untagged", "--older-than", "1d")).EnsureSuccess();
        var afterDryRun = await CountAsync(repository);
        var cleanup = (await CliParityRunner.DotnetEcrAsync("images", "cleanup", "--repository-name", repository, "--untagged")).EnsureSuccess();
        var left = (await CliParityRunner.AwsAsync("list-images", "--repository-name", repository, "--query", "imageIds[*].imageTag", "--output", "text")).EnsureSuccess();

        Assert.Contains("3 of 3 untagged images", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Deleted 0 of 3 untagged images", tooYoung.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(4, afterDryRun);
        Assert.Contains("Deleted 3 of 3 untagged images", cleanup.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("keep\n", left.StandardOutput);
        // Redirected: progress is plain lines on stderr, nothing of it on stdout.
        Assert.Equal($"Listing the untagged images of {repository}\nReading 3 manifests of {repository}\nDeleting batch 1 of 1 (3 images) from {repository}\n", cleanup.StandardError);
        Assert.DoesNotContain("batch", cleanup.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', cleanup.Output);
    }

    [Fact]
    public async Task Scan_report_prints_the_findings_and_gates_on_severity()
    {
        var repository = $"cli-scan-{Guid.NewGuid().ToString("N")[..8]}";
        await MotoSeed.CreateRepositoryAsync(repository);
        await MotoSeed.PutImageAsync(repository, CheatSheetFiles.Manifest(7100), "v1.2.0");
        (await CliParityRunner.AwsAsync("start-image-scan", "--repository-name", repository, "--image-id", "imageTag=v1.2.0")).EnsureSuccess();
        var counts = (await CliParityRunner.AwsAsync("describe-image-scan-findings", "--repository-name", repository, "--image-id", "imageTag=v1.2.0",
            "--query", "imageScanFindings.findingSeverityCounts.HIGH", "--output", "text")).EnsureSuccess();

        var report = await CliParityRunner.DotnetEcrAsync("scan", "report", "--repository-name", repository, "--image-tag", "v1.2.0");
        var gatedOnCritical = await CliParityRunner.DotnetEcrAsync("scan", "report", "--repository-name", repository, "--image-tag", "v1.2.0", "--fail-on-severity", "CRITICAL");
        var gatedOnHigh = await CliParityRunner.DotnetEcrAsync("scan", "report", "--repository-name", repository, "--image-tag", "v1.2.0", "--fail-on-severity", "high");
        var badSeverity = await CliParityRunner.DotnetEcrAsync("scan", "report", "--repository-name", repository, "--image-tag", "v1.2.0", "--fail-on-severity", "severe");

        Assert.Equal(0, report.ExitCode);
        Assert.Contains("Scan status: COMPLETE", report.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"HIGH {counts.StandardOutput.Trim()},", report.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("SEVERITY", report.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, gatedOnCritical.ExitCode);
        Assert.Equal(1, gatedOnHigh.ExitCode);
        Assert.Contains("ECR7004", gatedOnHigh.StandardError, StringComparison.Ordinal);
        Assert.Equal(252, badSeverity.ExitCode);
        Assert.Contains("ECR4501", badSeverity.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_preview_evaluates_a_policy_against_the_repository_images()
    {
        var repository = $"cli-lifecycle-{Guid.NewGuid().ToString("N")[..8]}";
        await MotoSeed.CreateRepositoryAsync(repository);
        foreach (var (variant, tag) in new[] { (7201, "dev-1"), (7202, "dev-2"), (7203, "dev-3"), (7204, "v1.0.0") })
        {
            await MotoSeed.PutImageAsync(repository, CheatSheetFiles.Manifest(variant), tag);

            // moto records push times in whole seconds; distinct times make "newest" unambiguous.
            await Task.Delay(TimeSpan.FromSeconds(1.1));
        }

        var policy = CheatSheetFiles.Write("keep-one-dev.json", """
            {"rules":[{"rulePriority":1,"description":"Keep only 1 dev image","selection":{"tagStatus":"tagged","tagPrefixList":["dev-"],"countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}
            """);

        var preview = (await CliParityRunner.DotnetEcrAsync("lifecycle", "preview", "--repository-name", repository, "--policy", policy)).EnsureSuccess();
        var lines = preview.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The newest dev image is kept; the two older ones expire by rule 1; v1.0.0 is not selected.
        Assert.Equal(4, lines.Length);
        Assert.Contains("  dev-1  ", lines[1], StringComparison.Ordinal);
        Assert.Contains("  dev-2  ", lines[2], StringComparison.Ordinal);
        Assert.All(lines[1..3], line => Assert.EndsWith("expire  1 Keep only 1 dev image", line, StringComparison.Ordinal));
        Assert.Equal("2 of 4 images would expire.", lines[3]);
    }

    [Fact]
    public async Task Login_hands_the_token_to_docker_without_printing_it()
    {
        var dockerConfig = Directory.CreateTempSubdirectory("ecr-cli-docker-config-").FullName;
        try
        {
            var password = (await CliParityRunner.DotnetEcrAsync("get-login-password")).EnsureSuccess().StandardOutput.TrimEnd('\n');
            var login = await EcrPublish.Testing.ProcessRunner.RunAsync(
                "dotnet",
                [CliParityRunner.DotnetEcrAssembly, "--endpoint-url", EcrPublish.Testing.TestEnvironment.MotoUrl, "login",
                    "--registry", EcrPublish.Testing.TestEnvironment.Registry, "--docker", EcrPublish.Testing.TestEnvironment.Docker],
                new Dictionary<string, string?>
                {
                    ["AWS_ACCESS_KEY_ID"] = "testing",
                    ["AWS_SECRET_ACCESS_KEY"] = "testing",
                    ["AWS_DEFAULT_REGION"] = "us-east-1",
                    ["DOCKER_HOST"] = EcrPublish.Testing.TestEnvironment.DockerHost,
                    ["DOCKER_CONFIG"] = dockerConfig,
                });
            var config = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dockerConfig, "config.json")))!;
            var stored = (string?)config["auths"]?[EcrPublish.Testing.TestEnvironment.Registry]?["auth"];

            Assert.True(login.ExitCode == 0, login.StandardError);
            Assert.Contains("Login Succeeded", login.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(password, login.Output, StringComparison.Ordinal);
            Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("AWS:" + password)), stored);
        }
        finally
        {
            Directory.Delete(dockerConfig, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_runs_dotnet_publish_and_returns_its_exit_code()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"cli-publish-{Guid.NewGuid():N}", "Missing.csproj");

        var publish = await CliParityRunner.DotnetEcrAsync("publish", missing, "-c", "Release");

        // MSBuild's own error for the project proves the arguments reached dotnet publish.
        Assert.NotEqual(0, publish.ExitCode);
        Assert.Contains("MSB1009", publish.Output, StringComparison.Ordinal);
        Assert.Contains("Missing.csproj", publish.Output, StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(string repository)
    {
        var count = (await CliParityRunner.AwsAsync("list-images", "--repository-name", repository, "--query", "length(imageIds)", "--output", "text")).EnsureSuccess();
        return int.Parse(count.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
