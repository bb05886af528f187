using EcrPublish.Images;
using EcrPublish.Images.Packages;
using EcrPublish.Registry;
using EcrPublish.SupplyChain;
using Xunit;

namespace EcrPublish.Core.Tests.SupplyChain;

/// <summary>
/// The base image's inventory read once per machine: from the layers (here in the blob cache), then from the records
/// alone; the SBOM's bytes are those the layers give, whichever way they were read.
/// </summary>
public sealed class BaseImageInventoryReaderTests : IDisposable
{
    private readonly SbomTestImage _image = new();

    public void Dispose() => _image.Dispose();

    [Fact]
    public async Task The_SBOM_from_the_records_is_byte_for_byte_the_SBOM_from_the_layers_and_no_layer_is_read_again()
    {
        // An upper layer that removes a framework version, adds a dpkg status.d entry and carries files the SBOM ignores.
        var upper = Path.Combine(_image.Directory, "upper.tar.gz");
        SbomTestImage.WriteLayer(upper,
        [
            ("usr/share/dotnet/shared/Microsoft.NETCore.App/.wh.9.0.4", []),
            ("var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n\n"u8.ToArray()),
            ("app/ignored.dll", new byte[4096]),
        ]);
        var cache = new LayerCache(Path.Combine(_image.Directory, "cache"));
        var layers = new[] { _image.BaseLayer, upper }.Select(file => Cached(cache, file)).ToList();
        var baseImage = SbomTestImage.Base() with { Manifest = new ImageManifest(MediaTypes.OciManifest, new Descriptor(MediaTypes.OciConfig, SbomTestImage.ConfigDigest, 2), layers) };
        var fromLayers = SbomInputGatherer.Gather(_image.Sources(baseImage) with { BaseLayerFiles = [_image.BaseLayer, upper] });
        using var registries = new RegistryClientPool(null, new RegistryClientOptions());
        var reader = new BaseImageInventoryReader(cache, registries);

        var first = await reader.ReadAsync(baseImage, CancellationToken.None);
        foreach (var layer in layers)
        {
            File.Delete(cache.BlobPath(layer.Digest));
        }

        var second = await reader.ReadAsync(baseImage, CancellationToken.None);

        var store = new LayerListingStore(cache, BaseImageInventoryReader.Selection);
        Assert.All(layers, layer => Assert.True(File.Exists(store.RecordPath(layer.Digest))));
        foreach (var files in (ImageFileSystem[])[first, second])
        {
            var inputs = SbomInputGatherer.Gather(_image.Sources(baseImage) with { BaseLayerFiles = [], BaseFiles = files });
            Assert.Equal(SbomDocumentWriter.WriteSpdx(fromLayers), SbomDocumentWriter.WriteSpdx(inputs));
            Assert.Equal(SbomDocumentWriter.WriteCycloneDx(fromLayers), SbomDocumentWriter.WriteCycloneDx(inputs));
        }

        Assert.Contains(fromLayers.OsPackages, package => package.Name == "tzdata");
        Assert.DoesNotContain(first.Paths, path => path.StartsWith("app/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_torn_record_is_no_record()
    {
        var cache = new LayerCache(Path.Combine(_image.Directory, "cache"));
        var store = new LayerListingStore(cache, BaseImageInventoryReader.Selection);
        store.Save(SbomTestImage.BaseDigest, new LayerListing(["etc/os-release"], [], new Dictionary<string, string> { ["etc/os-release"] = "ID=debian\n" }));
        Assert.Equal("ID=debian\n", store.TryLoad(SbomTestImage.BaseDigest)!.Texts["etc/os-release"]);

        File.WriteAllText(store.RecordPath(SbomTestImage.BaseDigest), "{\"paths\":[");

        Assert.Null(store.TryLoad(SbomTestImage.BaseDigest));
    }

    private static Descriptor Cached(LayerCache cache, string file)
    {
        var bytes = File.ReadAllBytes(file);
        var digest = ContentDigest.Of(bytes);
        File.WriteAllBytes(cache.BlobPath(digest), bytes);
        return new Descriptor(MediaTypes.OciLayerGzip, digest, bytes.Length);
    }
}
