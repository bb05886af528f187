using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests.Storage;

/// <summary>Abandoned uploads expire, half-written files and unreferenced blobs go, memory follows only successful writes.</summary>
public sealed class StorageHygieneTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly string data = Directory.CreateTempSubdirectory("localecr-hygiene-").FullName;
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync(data, options => options.UploadSessionLifetime = Lifetime);

    public async Task DisposeAsync()
    {
        await ecr.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task An_upload_session_untouched_for_its_lifetime_is_gone_with_its_files()
    {
        await ecr.CreateRepositoryAsync("uploads/expire");
        using var registry = await ecr.RegistryAsync();
        var kept = await StartUploadAsync(registry, "uploads/expire");
        var abandoned = await StartUploadAsync(registry, "uploads/expire");

        ecr.Clock.Offset += Lifetime / 2;
        using (var touch = await registry.SendAsync(HttpMethod.Patch, kept, RandomNumberGenerator.GetBytes(100)))
        {
            Assert.Equal(201, (int)touch.StatusCode);
        }

        ecr.Clock.Offset += Lifetime / 2 + TimeSpan.FromMinutes(1);
        using (var gone = await registry.SendAsync(HttpMethod.Get, abandoned))
        {
            Assert.Equal(404, (int)gone.StatusCode);
        }

        using (var alive = await registry.SendAsync(HttpMethod.Get, kept))
        {
            Assert.Equal(204, (int)alive.StatusCode);
        }

        var id = abandoned[(abandoned.LastIndexOf('/') + 1)..];
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(data, "uploads"), id + ".*"));
    }

    [Fact]
    public async Task Expired_sessions_that_nobody_asks_about_are_swept_when_a_new_upload_starts()
    {
        await ecr.CreateRepositoryAsync("uploads/sweep");
        using var registry = await ecr.RegistryAsync();
        var abandoned = await StartUploadAsync(registry, "uploads/sweep");
        var id = abandoned[(abandoned.LastIndexOf('/') + 1)..];
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(data, "uploads"), id + ".*"));

        ecr.Clock.Offset += Lifetime + TimeSpan.FromMinutes(1);
        await StartUploadAsync(registry, "uploads/sweep");

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(data, "uploads"), id + ".*"));
    }

    [Fact]
    public async Task Half_written_files_of_a_killed_run_are_removed_at_start()
    {
        await ecr.CreateRepositoryAsync("leftovers/app");
        using (var registry = await ecr.RegistryAsync())
        {
            await registry.PushImageAsync("leftovers/app", "v1", layers: 1);
        }

        await ecr.DisposeAsync();
        var leftovers = new[]
        {
            Path.Combine(data, "repositories", ".tmp-0123-abc.json"),
            Path.Combine(data, "blobs", "sha256", "ab", "ab" + new string('0', 62) + ".incoming-0123"),
            Path.Combine(data, "blobs", "sha256", "ab", ".tmp-0123-ab" + new string('0', 62)),
            Path.Combine(data, "registries", "210987654321", "eu-west-1", "blobs", "sha256", "cd", ".tmp-0123-cd"),
        };
        foreach (var file in leftovers)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, "half");
        }

        ecr = await LocalEcrHarness.StartAsync(data, options => options.UploadSessionLifetime = Lifetime);

        Assert.All(leftovers, file => Assert.False(File.Exists(file), file));
        (await ecr.Ecr.CallAsync("BatchGetImage", """{"repositoryName":"leftovers/app","imageIds":[{"imageTag":"v1"}]}""")).Ok();
    }

    [Fact]
    public async Task Unreferenced_blobs_older_than_the_upload_lifetime_are_collected_after_a_lifecycle_run()
    {
        await ecr.CreateRepositoryAsync("collect/app");
        using var registry = await ecr.RegistryAsync();
        var (deletedDigest, deletedManifest) = await registry.PushImageAsync("collect/app", "deleted", layers: 1);
        var (_, keptManifest) = await registry.PushImageAsync("collect/app", "kept", layers: 1);
        var loose = await registry.PushBlobAsync("collect/app", RandomNumberGenerator.GetBytes(512));
        (await ecr.Ecr.CallAsync("BatchDeleteImage", new JsonObject { ["repositoryName"] = "collect/app", ["imageIds"] = new JsonArray(new JsonObject { ["imageDigest"] = deletedDigest }) })).Ok();
        var unreferenced = BlobsOf(deletedManifest).Append(deletedDigest).Append(loose).ToList();
        var referenced = BlobsOf(keptManifest).ToList();

        // Young unreferenced blobs may belong to a push in progress: spared.
        await RunLifecycleAsync(registry);
        Assert.All(unreferenced, digest => Assert.True(File.Exists(BlobPath(digest)), digest));

        // (Signed calls would now be "expired": the registry password from before is still valid.)
        ecr.Clock.Offset += Lifetime + TimeSpan.FromMinutes(1);
        await RunLifecycleAsync(registry);

        Assert.All(unreferenced, digest => Assert.False(File.Exists(BlobPath(digest)), digest));
        Assert.All(referenced, digest => Assert.True(File.Exists(BlobPath(digest)), digest));
        using var head = await registry.SendAsync(HttpMethod.Head, $"/v2/collect/app/blobs/{loose}");
        Assert.Equal(404, (int)head.StatusCode);
        using var pull = await registry.SendAsync(HttpMethod.Get, "/v2/collect/app/manifests/kept");
        Assert.Equal(200, (int)pull.StatusCode);
    }

    [Fact]
    public async Task A_failed_record_write_leaves_memory_unchanged_and_its_500_is_logged_in_each_endpoints_shape()
    {
        await ecr.CreateRepositoryAsync("fail/write");
        using var registry = await ecr.RegistryAsync();
        var manifest = await registry.UploadImageContentAsync("fail/write", layers: 1);

        // A directory where the record file must go: the atomic rename fails, even for root.
        var record = Path.Combine(data, "repositories", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("fail/write"))).ToLowerInvariant() + ".json");
        File.Delete(record);
        Directory.CreateDirectory(Path.Combine(record, "blocker"));
        var log = new StringWriter();
        var original = Console.Error;
        Console.SetError(TextWriter.Synchronized(log));
        EcrResponse put;
        string registryBody;
        int registryStatus;
        try
        {
            put = await ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = "fail/write", ["imageManifest"] = Encoding.UTF8.GetString(manifest), ["imageTag"] = "v1" });
            using var response = await registry.SendAsync(HttpMethod.Put, "/v2/fail/write/manifests/v2", manifest, RegistryTestClient.OciManifest);
            registryStatus = (int)response.StatusCode;
            registryBody = await response.Content.ReadAsStringAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(500, put.StatusCode);
        Assert.Equal("ServerException", put.ErrorType);
        Assert.StartsWith("ECR5008:", put.Message, StringComparison.Ordinal);
        Assert.Equal(500, registryStatus);
        Assert.Equal("UNKNOWN", JsonNode.Parse(registryBody)!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("LocalEcr: 500 for POST /", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("LocalEcr: 500 for PUT /v2/fail/write/manifests/v2", log.ToString(), StringComparison.Ordinal);

        Directory.Delete(record, recursive: true);
        var images = (await ecr.Ecr.CallAsync("DescribeImages", """{"repositoryName":"fail/write"}""")).Ok()["imageDetails"]!.AsArray();
        Assert.Empty(images);
    }

    [Fact]
    public async Task A_lifecycle_run_that_cannot_write_is_a_logged_500_in_the_registrys_shape()
    {
        await ecr.CreateRepositoryAsync("fail/lifecycle");
        (await ecr.Ecr.CallAsync("PutLifecyclePolicy", new JsonObject
        {
            ["repositoryName"] = "fail/lifecycle",
            ["lifecyclePolicyText"] = """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}""",
        })).Ok();
        using var registry = await ecr.RegistryAsync();
        var record = Path.Combine(data, "repositories", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("fail/lifecycle"))).ToLowerInvariant() + ".json");
        File.Delete(record);
        Directory.CreateDirectory(Path.Combine(record, "blocker"));
        var log = new StringWriter();
        var original = Console.Error;
        Console.SetError(TextWriter.Synchronized(log));
        int status;
        string body;
        try
        {
            using var response = await registry.SendAsync(HttpMethod.Post, "/_localecr/lifecycle/run");
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }
        finally
        {
            Console.SetError(original);
            Directory.Delete(record, recursive: true);
        }

        Assert.Equal(500, status);
        Assert.Equal("UNKNOWN", JsonNode.Parse(body)!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("LocalEcr: 500 for POST /_localecr/lifecycle/run", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_flushed_to_disk_after_a_rename()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.True(DirectorySync.Flush(data));
        Assert.False(DirectorySync.Flush(Path.Combine(data, "no-such-directory")));
    }

    private static async Task RunLifecycleAsync(RegistryTestClient registry)
    {
        using var response = await registry.SendAsync(HttpMethod.Post, "/_localecr/lifecycle/run");
        Assert.Equal(200, (int)response.StatusCode);
    }

    private static async Task<string> StartUploadAsync(RegistryTestClient registry, string repository)
    {
        using var start = await registry.SendAsync(HttpMethod.Post, $"/v2/{repository}/blobs/uploads/");
        Assert.Equal(202, (int)start.StatusCode);
        return start.Headers.Location!.ToString();
    }

    private static IEnumerable<string> BlobsOf(byte[] manifest)
    {
        var json = JsonNode.Parse(manifest)!;
        yield return json["config"]!["digest"]!.GetValue<string>();
        foreach (var layer in json["layers"]!.AsArray())
        {
            yield return layer!["digest"]!.GetValue<string>();
        }
    }

    private string BlobPath(string digest) => Path.Combine(data, "blobs", "sha256", digest[7..9], digest[7..]);
}
