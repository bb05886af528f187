using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>The cheat sheet's "Image Management", "Image Scanning" and "Useful Queries" commands on real (moto) images, against AWS CLI v2 and v1.</summary>
public sealed class ImageCommandParityTests
{
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    [InlineData(AwsCliVersion.V1)]
    public async Task List_describe_query_and_delete_images(AwsCliVersion cli)
    {
        var run = await RepositoryWithImagesAsync("images", cli);

        await run.AssertSameAsync("list-images", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend", "--output", "text");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend", "--output", "table");
        if (run.HasYamlOutput)
        {
            await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend", "--output", "yaml");
            await run.AssertSameAsync("list-images", "--repository-name", "REPO/backend", "--output", "yaml-stream");
        }

        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend",
            "--query", "sort_by(imageDetails, &imagePushedAt)[*].{Tag:imageTags[0],Pushed:imagePushedAt,Size:imageSizeInBytes}");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend", "--filter", "tagStatus=UNTAGGED");
        var untagged = await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend", "--filter", "tagStatus=UNTAGGED",
            "--query", "imageDetails[*].imageDigest", "--output", "text");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend", "--image-ids", "imageTag=v1.2.0");
        await run.AssertSameAsync("batch-get-image", "--repository-name", "REPO/backend", "--image-ids", "imageTag=v1.2.0",
            "--query", "images[0].imageManifest", "--output", "text");
        await run.AssertSameAsync("batch-delete-image", "--repository-name", "REPO/backend", "--image-ids", "imageTag=v1.0.0");
        await run.AssertSameAsync("batch-delete-image", "--repository-name", "REPO/backend", "--image-ids", "imageDigest=" + untagged.StandardOutput.Trim());
        await run.AssertSameAsync("batch-delete-image", "--repository-name", "REPO/backend", "--image-ids", "imageTag=v1.0.1", "imageTag=v1.0.2", "imageTag=v9.9.9");
        var left = await run.AssertSameAsync("list-images", "--repository-name", "REPO/backend", "--query", "imageIds[*].imageTag", "--output", "text");

        Assert.StartsWith("sha256:", untagged.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("v1.2.0\n", left.StandardOutput);
    }

    // v2 only: every v1 difference this exercises (epoch timestamps, exit code 255) is covered by the tests that run both.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Useful_queries_in_json_text_and_table(AwsCliVersion cli)
    {
        var run = await RepositoryWithImagesAsync("queries", cli);

        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "--query", "repositories[*].repositoryUri", "--output", "table");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend",
            "--query", "sort_by(imageDetails, &imageSizeInBytes)[-5:].{Tag:imageTags[0],SizeMB:imageSizeInBytes}", "--output", "table");
        await run.AssertSameAsync("describe-repositories", "--repository-names", "REPO/backend", "--query", "repositories[*].repositoryName", "--output", "text");
        var count = await run.AssertSameAsync("list-images", "--repository-name", "REPO/backend", "--query", "length(imageIds)", "--output", "text");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/backend",
            "--query", "imageDetails[?imageScanFindingsSummary.findingSeverityCounts.CRITICAL > `0`].imageTags");

        Assert.Equal("4\n", count.StandardOutput);
    }

    // v2 only: every v1 difference this exercises (epoch timestamps, exit code 255) is covered by the tests that run both.
    [Theory]
    [InlineData(AwsCliVersion.V2)]
    public async Task Scan_wait_and_read_findings(AwsCliVersion cli)
    {
        var run = await RepositoryWithImagesAsync("scan", cli);

        await run.AssertSameAsync("put-image-scanning-configuration", "--repository-name", "REPO/backend", "--image-scanning-configuration", "scanOnPush=true");
        await run.AssertSameAsync("start-image-scan", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0");
        var wait = await run.AssertSameAsync("wait", "image-scan-complete", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0");
        await run.AssertSameAsync("describe-image-scan-findings", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0");
        await run.AssertSameAsync("describe-image-scan-findings", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0", "--output", "text");
        await run.AssertSameAsync("describe-image-scan-findings", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0", "--output", "table");
        if (run.HasYamlOutput)
        {
            await run.AssertSameAsync("describe-image-scan-findings", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0", "--output", "yaml");
        }

        var high = await run.AssertSameAsync("describe-image-scan-findings", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0",
            "--query", "imageScanFindings.findings[?severity==`CRITICAL` || severity==`HIGH`]");
        await run.AssertSameAsync("describe-image-scan-findings", "--repository-name", "REPO/backend", "--image-id", "imageTag=v1.2.0",
            "--query", "imageScanFindings.findingSeverityCounts");
        await run.AssertSameAsync("wait", "image-scan-complete", "--repository-name", "REPO/backend", "--image-id", "imageTag=v0.0.0-absent");

        Assert.Equal(0, wait.ExitCode);
        Assert.Equal("", wait.StandardOutput);
        Assert.Contains("\"severity\": \"HIGH\"", high.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<CliParityRunner> RepositoryWithImagesAsync(string purpose, AwsCliVersion cli)
    {
        var run = new CliParityRunner(purpose, cli: cli);
        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/backend");
        await run.PutImageOnBothSidesAsync("/backend", CheatSheetFiles.Manifest(7023), "v1.0.0");
        await run.PutImageOnBothSidesAsync("/backend", CheatSheetFiles.Manifest(7024), "v1.0.1");
        await run.PutImageOnBothSidesAsync("/backend", CheatSheetFiles.Manifest(7025), "v1.2.0");
        await run.PutImageOnBothSidesAsync("/backend", CheatSheetFiles.Manifest(7026), tag: null);
        return run;
    }
}
