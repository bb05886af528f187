using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>ECR's PutImage rate quota (opt-in) and its stale chunked-upload Range header.</summary>
public sealed class EcrQuotaTests
{
    [Fact]
    public async Task With_a_PutImage_rate_manifest_puts_beyond_it_are_throttled()
    {
        await using var ecr = await LocalEcrHarness.StartAsync(configure: options => options.PutImageRatePerSecond = 2);
        await ecr.CreateRepositoryAsync("quota/app");
        using var registry = await ecr.RegistryAsync();
        var manifest = await registry.UploadImageContentAsync("quota/app", layers: 1);

        ecr.Clock.FrozenAt = DateTimeOffset.UtcNow;
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var put = await registry.SendAsync(HttpMethod.Put, $"/v2/quota/app/manifests/t{i}", manifest, RegistryTestClient.OciManifest);
            statuses.Add((int)put.StatusCode);
            if (put.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("1", put.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Equal([201, 201, 429, 429], statuses);
        var throttled = await ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = "quota/app", ["imageManifest"] = Encoding.UTF8.GetString(manifest), ["imageTag"] = "api" });
        Assert.Equal("ThrottlingException", throttled.ErrorType);

        ecr.Clock.Offset = TimeSpan.FromSeconds(1);
        using var later = await registry.SendAsync(HttpMethod.Put, "/v2/quota/app/manifests/later", manifest, RegistryTestClient.OciManifest);
        Assert.Equal(201, (int)later.StatusCode);
    }

    [Fact]
    public async Task The_Range_of_a_later_chunk_still_reports_the_first_part_as_on_ECR()
    {
        await using var ecr = await LocalEcrHarness.StartAsync();
        await ecr.CreateRepositoryAsync("quota/chunks");
        using var registry = await ecr.RegistryAsync();
        var part = 5 * 1024 * 1024;
        using var start = await registry.SendAsync(HttpMethod.Post, "/v2/quota/chunks/blobs/uploads/");
        var location = start.Headers.Location!.ToString();
        using var first = await registry.SendAsync(HttpMethod.Patch, location, new byte[part], contentRange: $"0-{part - 1}");
        using var second = await registry.SendAsync(HttpMethod.Patch, location, new byte[part], contentRange: $"{part}-{(2 * part) - 1}");
        Assert.Equal(201, (int)second.StatusCode);
        Assert.Equal($"0-{part - 1}", second.Headers.GetValues("Range").Single());
        using var status = await registry.SendAsync(HttpMethod.Get, location);
        Assert.Equal($"0-{(2 * part) - 1}", status.Headers.GetValues("Range").Single());
    }
}
