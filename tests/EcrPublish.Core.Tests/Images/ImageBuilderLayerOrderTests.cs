using EcrPublish.Images;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

/// <summary>The image builder builds its layers several at a time; the image must not show it.</summary>
public sealed class ImageBuilderLayerOrderTests : IDisposable
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private const string Deps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
          "targets": {
            ".NETCoreApp,Version=v10.0": {
              "Shop/1.0.0": { "runtime": { "Shop.dll": {} } },
              "Newtonsoft.Json/13.0.3": { "runtime": { "lib/net6.0/Newtonsoft.Json.dll": {} } },
              "Preview.Lib/2.0.0-beta.1": { "runtime": { "lib/net8.0/Preview.Lib.dll": {} } },
              "Shop.Domain/1.0.0": { "runtime": { "Shop.Domain.dll": {} } }
            }
          },
          "libraries": {
            "Shop/1.0.0": { "type": "project" },
            "Newtonsoft.Json/13.0.3": { "type": "package" },
            "Preview.Lib/2.0.0-beta.1": { "type": "package" },
            "Shop.Domain/1.0.0": { "type": "project" }
          }
        }
        """;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Layers_built_at_once_are_in_the_plan_order_with_the_digests_of_one_at_a_time()
    {
        var publish = Path.Combine(_temp.Path, "publish");
        _temp.Write("publish/Shop.deps.json", Deps);
        _temp.Write("publish/Shop.runtimeconfig.json", """{"runtimeOptions":{"framework":{"name":"Microsoft.AspNetCore.App","version":"10.0.0"}}}""");
        foreach (var file in new[] { "Shop.dll", "Newtonsoft.Json.dll", "Preview.Lib.dll", "Shop.Domain.dll", "wwwroot/index.html" })
        {
            _temp.Write("publish/" + file, file);
        }

        Directory.CreateDirectory(Path.Combine(publish, "wwwroot", "lib"));
        MixedLayerData.WriteFile(Path.Combine(publish, "wwwroot", "lib", "big.js"), (2 * ParallelGzipStream.DefaultBlockSize) + 5);
        var options = new ImageOptions { Platforms = [new PlatformPublish("linux-x64", publish)], BaseImage = "scratch", Timestamp = Time };

        var image = await new ImageBuilder(new LayerCache(Path.Combine(_temp.Path, "cache")), new NoBaseImages()).BuildAsync(options, CancellationToken.None);

        var plan = LayerPlanner.Plan(publish, options.WorkingDirectory);
        var serial = new LayerBuilder(new LayerCache(Path.Combine(_temp.Path, "serial")), compressionThreads: 1);
        var expected = plan.Layers.Select(layer => serial.Build(layer, Time)).ToList();
        Assert.Equal(["packages", "prerelease-packages", "project-references", "static-assets", "app"], expected.Select(layer => layer.Name));
        Assert.Equal(expected.Select(layer => (layer.Name, layer.Digest)), image.Images[0].AppLayers.Select(layer => (layer.Name, layer.Digest)));
        Assert.Equal(expected.Select(layer => layer.Digest), image.Images[0].Manifest.Layers.Select(layer => layer.Digest));
    }

    public void Dispose() => _temp.Dispose();

    // The image is on scratch: no base image is ever asked for.
    private sealed class NoBaseImages : IBaseImageSource
    {
        public Task<BaseImage> ResolveAsync(ImageReference reference, Platform platform, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A scratch image has no base to resolve.");
    }
}
