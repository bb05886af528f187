using EcrPublish.Images;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>Layers compressed in parallel blocks, checked by tools we did not write: gzip and zcat.</summary>
public sealed class LayerCompressionTests : IDisposable
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly string _root = Path.Combine(TestEnvironment.WorkDirectory, "layer-compression-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_layer_of_many_blocks_passes_gzip_t_and_zcat_gives_back_the_tar_of_its_diff_id_on_two_runs_alike()
    {
        var content = WritePublishFolder(20 * 1024 * 1024);

        var first = new LayerBuilder(new LayerCache(Path.Combine(_root, "cache1")), compressionThreads: 2).Build(content, Time);
        var second = new LayerBuilder(new LayerCache(Path.Combine(_root, "cache2")), compressionThreads: 2).Build(content, Time);

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(File.ReadAllBytes(first.BlobPath!), File.ReadAllBytes(second.BlobPath!));
        (await ProcessRunner.RunAsync("gzip", ["-t", "-v", first.BlobPath!])).EnsureSuccess();
        var unzipped = (await ProcessRunner.RunAsync("sh", ["-c", "zcat < \"$0\" | sha256sum", first.BlobPath!])).EnsureSuccess();
        Assert.Equal(ContentDigest.Hex(first.DiffId), unzipped.StandardOutput.Split(' ')[0]);
        var listing = (await ProcessRunner.RunAsync("tar", ["-tzvf", first.BlobPath!])).EnsureSuccess();
        Assert.Contains("app/data.bin", listing.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_layer_built_on_one_thread_has_the_digest_of_the_one_built_on_every_core()
    {
        var content = WritePublishFolder(6 * 1024 * 1024);

        var one = new LayerBuilder(new LayerCache(Path.Combine(_root, "cache1")), compressionThreads: 1).Build(content, Time);
        var all = new LayerBuilder(new LayerCache(Path.Combine(_root, "cache-all"))).Build(content, Time);

        Assert.Equal(one.Digest, all.Digest);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private LayerContent WritePublishFolder(long dataLength)
    {
        var folder = Path.Combine(_root, "publish");
        Directory.CreateDirectory(folder);
        MixedLayerData.WriteFile(Path.Combine(folder, "data.bin"), dataLength);
        File.WriteAllText(Path.Combine(folder, "App.runtimeconfig.json"), "{}");
        return new LayerContent("app",
        [
            new LayerFile(Path.Combine(folder, "App.runtimeconfig.json"), "/app/App.runtimeconfig.json"),
            new LayerFile(Path.Combine(folder, "data.bin"), "/app/data.bin"),
        ]);
    }
}
