using System.IO.Compression;
using EcrPublish.Images;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>
/// A build whose gzip bytes differ (another machine or runtime, simulated by another compression level)
/// reuses the published layers by diffID: same image digest, nothing uploaded.
/// </summary>
public sealed class LayerReuseTests : IDisposable
{
    private readonly ImageEngineSession _first = new();
    private readonly ImageEngineSession _second = new();

    [Fact]
    public async Task Published_layers_with_the_same_diff_id_are_reused_instead_of_recompressed()
    {
        var folder = SyntheticPublishFolder.Create(_first.CacheDirectory, 10_000, seed: 21);
        await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), string.Concat(Enumerable.Range(0, 20_000).Select(i => $"\"key{i}\": {i % 97},\n")));
        var options = ImageEngineSession.Options(folder, "scratch");
        var repository = ImageEngineSession.NewRepository("reuse");
        var published = await _first.Builder.BuildAsync(options, CancellationToken.None);
        await _first.Pusher.PushAsync(published, repository, ["v1"], CancellationToken.None);

        var otherGzip = options with { CompressionLevel = CompressionLevel.Fastest };
        var withoutReuse = await _second.Builder.BuildAsync(otherGzip, CancellationToken.None);
        Assert.Equal(published.Images[0].AppLayers[0].DiffId, withoutReuse.Images[0].AppLayers[0].DiffId);
        Assert.NotEqual(published.Digest, withoutReuse.Digest); // the gzip bytes really differ

        var reusable = await PublishedLayers.ReadAsync(_second.Pool, ImageReference.Parse($"{_second.Registry}/{repository}:v1"), CancellationToken.None);
        var withReuse = await new ImageBuilder(new LayerCache(Path.Combine(_second.CacheDirectory, "fresh")), new BaseImageResolver(_second.Pool))
            .BuildAsync(otherGzip with { ReusableLayers = reusable }, CancellationToken.None);
        var result = await _second.Pusher.PushAsync(withReuse, repository, ["v2"], CancellationToken.None);

        Assert.Equal(published.Digest, withReuse.Digest);
        Assert.Equal(0, result.BlobsUploaded);
        Assert.Equal(0, result.BlobBytesSent);
        Assert.Equal(["v2"], result.TagsPushed);

        var archive = Path.Combine(_second.CacheDirectory, "reused.tar");
        await new OciLayoutWriter(_second.Cache, _second.Pool).WriteArchiveAsync(withReuse, archive, "reused:v2", CancellationToken.None);
        var layout = Path.Combine(_second.CacheDirectory, "layout");
        await new OciLayoutWriter(_second.Cache, _second.Pool).WriteDirectoryAsync(withReuse, layout, "v2", CancellationToken.None);
        (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", $"oci:{layout}:v2"])).EnsureSuccess();
        Assert.True(File.Exists(Path.Combine(layout, "blobs", "sha256", ContentDigest.Hex(withReuse.Images[0].AppLayers[0].Digest))));
    }

    [Fact]
    public async Task A_tag_that_does_not_exist_yet_offers_nothing_to_reuse()
    {
        var reusable = await PublishedLayers.ReadAsync(_first.Pool, ImageReference.Parse($"{_first.Registry}/{ImageEngineSession.NewRepository("none")}:v1"), CancellationToken.None);

        Assert.Empty(reusable.ByDiffId);
        Assert.Null(reusable.Origin);
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
