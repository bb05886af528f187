using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>UpdateImageStorageClass with the AWS CLI v1: archive, the image status in ListImages/DescribeImages, pulls refused, restore.</summary>
public sealed class StorageClassTests : IAsyncLifetime
{
    private string data = null!;
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync()
    {
        data = Path.Combine(TestEnvironment.WorkDirectory, "storage-class-" + Guid.NewGuid().ToString("N"));
        ecr = await StartAsync();
        await ecr.CreateRepositoryAsync("cold/app");
    }

    public async Task DisposeAsync()
    {
        await ecr.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task An_archived_image_is_listed_as_archived_refused_on_pull_and_restored_after_activating()
    {
        using var registry = await ecr.RegistryAsync();
        var (digest, manifest) = await registry.PushImageAsync("cold/app", "v1");
        var aws = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);

        var archived = await aws.JsonAsync("update-image-storage-class", "--repository-name", "cold/app", "--image-id", "imageTag=v1", "--target-storage-class", "ARCHIVE");
        Assert.Equal($$"""{"registryId":"123456789012","repositoryName":"cold/app","imageId":{"imageDigest":"{{digest}}","imageTag":"v1"},"imageStatus":"ARCHIVED"}""", archived.ToJsonString());
        var again = await aws.RunRawAsync(null, "update-image-storage-class", "--repository-name", "cold/app", "--image-id", "imageTag=v1", "--target-storage-class", "ARCHIVE");
        Assert.Contains("ImageStorageClassUpdateNotSupportedException", again.StandardError, StringComparison.Ordinal);

        Assert.Empty((await aws.JsonAsync("describe-images", "--repository-name", "cold/app"))["imageDetails"]!.AsArray());
        Assert.Empty((await aws.JsonAsync("list-images", "--repository-name", "cold/app"))["imageIds"]!.AsArray());
        var detail = (await aws.JsonAsync("describe-images", "--repository-name", "cold/app", "--filter", "imageStatus=ARCHIVED"))["imageDetails"]![0]!;
        Assert.Equal("ARCHIVED", detail["imageStatus"]!.GetValue<string>());
        Assert.NotNull(detail["lastArchivedAt"]);
        Assert.Single((await aws.JsonAsync("list-images", "--repository-name", "cold/app", "--filter", "imageStatus=ANY"))["imageIds"]!.AsArray());

        using (var pull = await registry.SendAsync(HttpMethod.Get, "/v2/cold/app/manifests/v1"))
        {
            Assert.Equal(404, (int)pull.StatusCode);
        }

        var batch = await aws.JsonAsync("batch-get-image", "--repository-name", "cold/app", "--image-ids", "imageTag=v1");
        Assert.Equal("ImageNotFound", batch["failures"]![0]!["failureCode"]!.GetValue<string>());
        var scan = await aws.RunRawAsync(null, "start-image-scan", "--repository-name", "cold/app", "--image-id", "imageTag=v1");
        Assert.Contains("ImageArchivedException", scan.StandardError, StringComparison.Ordinal);
        var layer = JsonNode.Parse(manifest)!["layers"]![0]!["digest"]!.GetValue<string>();
        var availability = await aws.JsonAsync("batch-check-layer-availability", "--repository-name", "cold/app", "--layer-digests", layer);
        Assert.Equal("ARCHIVED", availability["layers"]![0]!["layerAvailability"]!.GetValue<string>());
        var url = await aws.RunRawAsync(null, "get-download-url-for-layer", "--repository-name", "cold/app", "--layer-digest", layer);
        Assert.Contains("LayerInaccessibleException", url.StandardError, StringComparison.Ordinal);

        // Archived state is on disk: a restart keeps it.
        await ecr.DisposeAsync();
        ecr = await StartAsync();
        aws = new AwsCli(TestEnvironment.AwsCliV1, ecr.Server);
        var restored = await aws.JsonAsync("update-image-storage-class", "--repository-name", "cold/app", "--image-id", $"imageDigest={digest}", "--target-storage-class", "STANDARD");
        Assert.Equal("ACTIVATING", restored["imageStatus"]!.GetValue<string>());
        var activating = (await aws.JsonAsync("describe-images", "--repository-name", "cold/app", "--filter", "imageStatus=ACTIVATING"))["imageDetails"]![0]!;
        Assert.NotNull(activating["lastActivatedAt"]);
        using var restartedRegistry = await ecr.RegistryAsync();
        using (var pull = await restartedRegistry.SendAsync(HttpMethod.Get, "/v2/cold/app/manifests/v1"))
        {
            Assert.Equal(404, (int)pull.StatusCode);
        }

        ecr.Clock.Offset = ecr.Server.Options.ImageRestoreDuration;
        Assert.Equal("ACTIVE", (await aws.JsonAsync("describe-images", "--repository-name", "cold/app"))["imageDetails"]![0]!["imageStatus"]!.GetValue<string>());
        using var active = await restartedRegistry.SendAsync(HttpMethod.Get, "/v2/cold/app/manifests/v1");
        Assert.Equal(200, (int)active.StatusCode);
    }

    [Fact]
    public async Task Pushing_an_archived_image_again_restores_it_at_once()
    {
        using var registry = await ecr.RegistryAsync();
        var (digest, manifest) = await registry.PushImageAsync("cold/app", "v1");
        (await ecr.Ecr.CallAsync("UpdateImageStorageClass", $$"""{"repositoryName":"cold/app","imageId":{"imageDigest":"{{digest}}"},"targetStorageClass":"ARCHIVE"}""")).Ok();
        var notArchived = await ecr.Ecr.CallAsync("UpdateImageStorageClass", """{"repositoryName":"cold/app","imageId":{"imageTag":"absent"},"targetStorageClass":"STANDARD"}""");
        Assert.Equal("ImageNotFoundException", notArchived.ErrorType);

        using var push = await registry.SendAsync(HttpMethod.Put, "/v2/cold/app/manifests/v1", manifest, RegistryTestClient.OciManifest);
        Assert.Equal(201, (int)push.StatusCode);
        using var pull = await registry.SendAsync(HttpMethod.Get, "/v2/cold/app/manifests/v1");
        Assert.Equal(200, (int)pull.StatusCode);
        var restoreActive = await ecr.Ecr.CallAsync("UpdateImageStorageClass", $$"""{"repositoryName":"cold/app","imageId":{"imageDigest":"{{digest}}"},"targetStorageClass":"STANDARD"}""");
        Assert.Equal("ImageStorageClassUpdateNotSupportedException", restoreActive.ErrorType);
    }

    // A restore that takes ten minutes: long enough that ACTIVATING is seen on a busy machine, short enough that the
    // moved clock stays within SigV4's 15-minute skew for the CLI's signatures.
    private Task<LocalEcrHarness> StartAsync() => LocalEcrHarness.StartAsync(data, options => options.ImageRestoreDuration = TimeSpan.FromMinutes(10));
}
