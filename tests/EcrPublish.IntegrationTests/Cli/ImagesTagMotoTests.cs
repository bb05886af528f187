using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// <c>dotnet ecr images tag</c> against moto (an ECR emulator we did not write), which returns a stored manifest as
/// pushed but names it by a digest of its own making (not the SHA-256 of those bytes): manifest and digest disagree, so
/// the tag is refused with ECR7039 and nothing is tagged; a missing source is ECR7037.
/// </summary>
public sealed class ImagesTagMotoTests
{
    [Fact]
    public async Task A_manifest_that_does_not_hash_to_its_digest_is_not_tagged_and_a_missing_source_says_so()
    {
        var repository = $"tag-moto/app-{Guid.NewGuid().ToString("N")[..8]}";
        var manifest = $$"""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,"digest":"sha256:{{new string('b', 64)}}"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":32654,"digest":"sha256:{{new string('c', 64)}}"}]}""";
        var digest = RegistryContentWriter.Digest(Encoding.UTF8.GetBytes(manifest));
        await MotoSeed.CreateRepositoryAsync(repository);
        await MotoSeed.PutImageAsync(repository, manifest, "v1");

        var tagged = await CliParityRunner.DotnetEcrAsync("images", "tag", "--repository-name", repository, "--source-tag", "v1", "--tag", "prod");
        var missing = await CliParityRunner.DotnetEcrAsync("images", "tag", "--repository-name", repository, "--source-tag", "nope", "--tag", "prod");
        var described = await CliParityRunner.AwsAtAsync(TestEnvironment.MotoUrl, ["describe-images", "--repository-name", repository, "--output", "json"]);
        Assert.Equal(255, tagged.ExitCode);
        Assert.Contains($"ECR7039: the manifest ECR returned for {repository}@sha256:", tagged.StandardError, StringComparison.Ordinal);
        Assert.Contains($" hashes to {digest}: the manifest and its digest disagree", tagged.StandardError, StringComparison.Ordinal);
        Assert.Equal(253, missing.ExitCode);
        Assert.Contains($"ECR7037: {repository} has no image tagged 'nope'", missing.StandardError, StringComparison.Ordinal);
        Assert.True(described.ExitCode == 0, described.Output);
        var detail = Assert.Single(JsonNode.Parse(described.StandardOutput)!["imageDetails"]!.AsArray())!;
        Assert.NotEqual(digest, (string)detail["imageDigest"]!);
        Assert.Equal(["v1"], detail["imageTags"]!.AsArray().Select(tag => (string)tag!));
    }
}
