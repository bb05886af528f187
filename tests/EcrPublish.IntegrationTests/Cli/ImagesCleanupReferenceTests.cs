using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// <c>images cleanup --untagged</c> against LocalEcr on a multi-arch image and OCI referrers pushed through the registry
/// API: the per-platform images of a tagged index and the referrers of kept images stay; orphans go only when asked.
/// </summary>
public sealed class ImagesCleanupReferenceTests
{
    [Fact]
    public async Task Cleanup_keeps_the_images_of_a_tagged_index_and_the_referrers_of_kept_images()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing" });
        var repository = $"cli-cleanup/multiarch-{Guid.NewGuid().ToString("N")[..8]}";
        using (var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        }))
        {
            (await ecr.InvokeAsync("CreateRepository", System.Text.Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{repository}}"}"""))).Dispose();
        }

        using var registry = await RegistryContentWriter.ConnectAsync(localEcr);
        var amd64 = await registry.PushImageAsync(repository, "amd64");
        var arm64 = await registry.PushImageAsync(repository, "arm64");
        var index = await registry.PushIndexAsync(repository, "v1", amd64, arm64);
        var signature = await registry.PushReferrerAsync(repository, index, "application/vnd.cncf.notary.signature");
        var stale = await registry.PushImageAsync(repository, "amd64");
        // LocalEcr deletes referrers with their subject at once (ECR within 24 hours), so the orphan here is a referrer
        // whose subject never arrived.
        var absent = new JsonObject { ["mediaType"] = RegistryContentWriter.OciManifest, ["digest"] = "sha256:" + new string('e', 64), ["size"] = 1234 };
        var orphanSbom = await registry.PushReferrerAsync(repository, absent, "application/spdx+json");
        string Digest(JsonObject descriptor) => (string)descriptor["digest"]!;

        var dryRun = await CleanupAsync(localEcr, repository, "--dry-run");
        var readCalls = localEcr.CallCount("BatchGetImage");
        var cleanup = await CleanupAsync(localEcr, repository);
        var afterCleanup = await DigestsAsync(localEcr, repository);
        var orphans = await CleanupAsync(localEcr, repository, "--include-orphan-referrers");
        var afterOrphans = await DigestsAsync(localEcr, repository);

        Assert.Contains($"would delete {Digest(stale)} ", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"would keep {Digest(amd64)} (listed by the kept index {Digest(index)})", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"would keep {Digest(arm64)} (listed by the kept index {Digest(index)})", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"would keep {Digest(signature)} (a referrer of the kept image {Digest(index)})", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"would keep {Digest(orphanSbom)} (a referrer whose subject {Digest(absent)} is gone; --include-orphan-referrers deletes it)", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"1 of 5 untagged images in {repository} would be deleted (dry run).", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(
            "Kept 4 untagged images that kept images need: 2 listed by a kept index, 1 referrers of a kept image, 1 orphan referrers (--include-orphan-referrers deletes them).",
            dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, readCalls);

        Assert.Contains($"Deleted 1 of 5 untagged images in {repository}.", cleanup.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(new[] { amd64, arm64, index, signature, orphanSbom }.Select(Digest).Order(StringComparer.Ordinal), afterCleanup);
        Assert.Contains($"Deleted 1 of 4 untagged images in {repository}.", orphans.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(new[] { amd64, arm64, index, signature }.Select(Digest).Order(StringComparer.Ordinal), afterOrphans);
    }

    private static async Task<ProcessResult> CleanupAsync(LocalEcrServer localEcr, string repository, params string[] options) =>
        (await CliParityRunner.DotnetEcrAtAsync(localEcr.Endpoint.ToString(), ["images", "cleanup", "--repository-name", repository, "--untagged", .. options])).EnsureSuccess();

    private static async Task<List<string>> DigestsAsync(LocalEcrServer localEcr, string repository)
    {
        var listed = (await CliParityRunner.DotnetEcrAtAsync(localEcr.Endpoint.ToString(), ["list-images", "--repository-name", repository, "--query", "imageIds[].imageDigest", "--output", "text"])).EnsureSuccess();
        return [.. listed.StandardOutput.Split(['\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal)];
    }
}
