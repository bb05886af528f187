using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>The verbs beyond the AWS CLI (<c>images cleanup</c>, <c>scan report</c>) against moto's ECR.</summary>
public sealed class ExtraVerbTests
{
    [Fact]
    public async Task Images_cleanup_deletes_exactly_the_untagged_images()
    {
        var repository = $"cli-cleanup-{Guid.NewGuid().ToString("N")[..8]}";
        (await CliParityRunner.AwsAsync("create-repository", "--repository-name", repository)).EnsureSuccess();
        foreach (var variant in new[] { 7001, 7002, 7003 })
        {
            (await CliParityRunner.AwsAsync("put-image", "--repository-name", repository, "--image-manifest", CheatSheetFiles.Manifest(variant))).EnsureSuccess();
        }

        (await CliParityRunner.AwsAsync("put-image", "--repository-name", repository, "--image-manifest", CheatSheetFiles.Manifest(7009), "--image-tag", "keep")).EnsureSuccess();

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
    }

    [Fact]
    public async Task Scan_report_prints_the_findings_and_gates_on_severity()
    {
        var repository = $"cli-scan-{Guid.NewGuid().ToString("N")[..8]}";
        (await CliParityRunner.AwsAsync("create-repository", "--repository-name", repository)).EnsureSuccess();
        (await CliParityRunner.AwsAsync("put-image", "--repository-name", repository, "--image-manifest", CheatSheetFiles.Manifest(7100), "--image-tag", "v1.2.0")).EnsureSuccess();
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

    private static async Task<int> CountAsync(string repository)
    {
        var count = (await CliParityRunner.AwsAsync("list-images", "--repository-name", repository, "--query", "length(imageIds)", "--output", "text")).EnsureSuccess();
        return int.Parse(count.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
