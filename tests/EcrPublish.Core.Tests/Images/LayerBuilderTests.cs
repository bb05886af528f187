using System.IO.Compression;
using EcrPublish.Images;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

public sealed class LayerBuilderTests : IDisposable
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_gzip_header_is_fixed_and_the_blob_decompresses_to_the_tar_of_the_diff_id()
    {
        var file = _temp.Write("app/a.dll", "hello");
        var layer = new LayerBuilder(new LayerCache(Path.Combine(_temp.Path, "cache"))).Build(new LayerContent("app", [new LayerFile(file, "/app/a.dll")]), Time);

        var blob = File.ReadAllBytes(layer.BlobPath!);
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff }, blob[..10]);
        Assert.Equal(layer.Digest, ContentDigest.Of(blob));
        Assert.Equal(blob.Length, layer.Size);
        using var tar = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress))
        {
            gzip.CopyTo(tar);
        }

        Assert.Equal(layer.DiffId, ContentDigest.Of(tar.ToArray()));
    }

    [Fact]
    public void An_unchanged_layer_comes_from_the_cache_without_compressing_again()
    {
        var file = _temp.Write("app/a.dll", "hello");
        var cache = new LayerCache(Path.Combine(_temp.Path, "cache"));
        var content = new LayerContent("app", [new LayerFile(file, "/app/a.dll")]);
        var first = new LayerBuilder(cache).Build(content, Time);
        var written = File.GetLastWriteTimeUtc(first.BlobPath!);
        File.SetLastWriteTimeUtc(first.BlobPath!, written.AddHours(-1));

        var second = new LayerBuilder(cache, CompressionLevel.NoCompression).Build(content, Time);

        Assert.Equal(first, second);
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(second.BlobPath!));
        Assert.Single(Directory.GetFiles(Path.Combine(cache.Directory, "blobs", "sha256")));
    }

    [Fact]
    public void A_changed_file_changes_the_layer()
    {
        var file = _temp.Write("app/a.dll", "hello");
        var builder = new LayerBuilder(new LayerCache(Path.Combine(_temp.Path, "cache")));
        var content = new LayerContent("app", [new LayerFile(file, "/app/a.dll")]);
        var before = builder.Build(content, Time);
        File.WriteAllText(file, "hello!");

        var after = builder.Build(content, Time);

        Assert.NotEqual(before.DiffId, after.DiffId);
        Assert.NotEqual(before.Digest, after.Digest);
    }

    [Fact]
    public async Task Cancelling_stops_compression_midway_and_leaves_nothing_in_the_cache()
    {
        var file = Path.Combine(_temp.Path, "app", "big.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var random = new Random(7);
        var chunk = new byte[1024 * 1024];
        using (var output = File.Create(file))
        {
            for (var i = 0; i < 64; i++)
            {
                random.NextBytes(chunk);
                output.Write(chunk);
            }
        }

        // Cancel once compression has started writing the blob (Ctrl+C in the middle of a large layer). On a busy
        // machine the layer may be finished before the cancellation lands, so that attempt is repeated; a builder
        // that ignores cancellation finishes every attempt and fails the test.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var cache = new LayerCache(Path.Combine(_temp.Path, $"cache{attempt}"));
            var temporaries = Path.GetDirectoryName(cache.NewTemporaryPath())!;
            using var cancellation = new CancellationTokenSource();
            var build = Task.Run(() => new LayerBuilder(cache).Build(new LayerContent("app", [new LayerFile(file, "/app/big.dll")]), Time, cancellationToken: cancellation.Token));
            while (!build.IsCompleted && !(Directory.Exists(temporaries) && Directory.EnumerateFiles(temporaries).Any(path => new FileInfo(path).Length > 0)))
            {
                await Task.Delay(5);
            }

            await cancellation.CancelAsync();
            try
            {
                await build;
            }
            catch (OperationCanceledException)
            {
                Assert.Empty(Directory.EnumerateFiles(temporaries));
                Assert.False(Directory.Exists(Path.Combine(cache.Directory, "blobs", "sha256")) && Directory.EnumerateFiles(Path.Combine(cache.Directory, "blobs", "sha256")).Any());
                return;
            }
        }

        Assert.Fail("Five builds ran to the end although each was cancelled while compressing.");
    }

    [Fact]
    public void A_large_layer_has_the_same_digest_on_one_compression_thread_and_on_four()
    {
        var file = Path.Combine(_temp.Path, "app", "big.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        MixedLayerData.WriteFile(file, (3 * ParallelGzipStream.DefaultBlockSize) + 777);
        var content = new LayerContent("app", [new LayerFile(file, "/app/big.dll")]);

        var one = new LayerBuilder(new LayerCache(Path.Combine(_temp.Path, "cache1")), compressionThreads: 1).Build(content, Time);
        var four = new LayerBuilder(new LayerCache(Path.Combine(_temp.Path, "cache4")), compressionThreads: 4).Build(content, Time);

        Assert.Equal(one.Digest, four.Digest);
        Assert.Equal(one.Size, four.Size);
        Assert.Equal(File.ReadAllBytes(one.BlobPath!), File.ReadAllBytes(four.BlobPath!));
    }

    [Fact]
    public void A_layer_cached_by_the_earlier_way_of_compressing_is_not_reused()
    {
        var file = _temp.Write("app/a.dll", "hello");
        var content = new LayerContent("app", [new LayerFile(file, "/app/a.dll")]);
        var cache = new LayerCache(Path.Combine(_temp.Path, "cache"));
        var fresh = new LayerBuilder(cache).Build(content, Time);

        // What a cache of the single-stream gzip holds: diffids/<hex> (no version folder) naming that blob.
        using var singleStream = new MemoryStream();
        using (var gzip = new GZipStream(singleStream, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = File.OpenRead(fresh.BlobPath!))
        using (var inflate = new GZipStream(tar, CompressionMode.Decompress))
        {
            inflate.CopyTo(gzip);
        }

        var oldDigest = ContentDigest.Of(singleStream.ToArray());
        Assert.NotEqual(fresh.Digest, oldDigest);
        File.WriteAllBytes(cache.BlobPath(oldDigest), singleStream.ToArray());
        File.WriteAllText(Path.Combine(cache.Directory, "diffids", ContentDigest.Hex(fresh.DiffId)), $"{oldDigest} {singleStream.Length}");
        File.Delete(Path.Combine(cache.Directory, "diffids", LayerCache.CompressionVersion, ContentDigest.Hex(fresh.DiffId)));

        var again = new LayerBuilder(cache).Build(content, Time);

        Assert.Equal(fresh.Digest, again.Digest);
    }

    public void Dispose() => _temp.Dispose();
}
