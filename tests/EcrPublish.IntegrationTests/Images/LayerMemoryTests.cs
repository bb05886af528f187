using EcrPublish.Images;
using EcrPublish.Testing;
using Xunit;
using Xunit.Abstractions;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>A large layer is streamed: file → tar → blocks → blob, so peak memory does not grow with the layer.</summary>
[Collection(ProcessMemoryTests.Name)]
public sealed class LayerMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const long LayerBytes = 300L * 1024 * 1024;
    private readonly string _root = Path.Combine(TestEnvironment.WorkDirectory, "layer-memory-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Building_a_300_MB_layer_raises_peak_memory_by_far_less_than_the_layer()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var folder = Path.Combine(_root, "publish");
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "runtime.bin");
        MixedLayerData.WriteFile(data, LayerBytes);
        var builder = new LayerBuilder(new LayerCache(Path.Combine(_root, "cache")), compressionThreads: 2);
        var content = new LayerContent("runtime", [new LayerFile(data, "/app/runtime.bin")]);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = StatusKilobytes("VmRSS");

        // Linux keeps the process's peak resident size (VmHWM); writing 5 to clear_refs resets it to the current
        // size, so what is read afterwards is the peak of this build alone, not a sample that could miss it.
        File.WriteAllText("/proc/self/clear_refs", "5");
        var layer = builder.Build(content, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var peak = StatusKilobytes("VmHWM");

        var growthMegabytes = (peak - before) / 1024.0;
        output.WriteLine($"layer: {LayerBytes / 1048576} MiB tar content, {layer.Size / 1048576.0:F1} MiB gzip; resident before {before / 1024.0:F1} MiB, peak during the build {peak / 1024.0:F1} MiB, growth {growthMegabytes:F1} MiB");
        Assert.True(layer.Size > LayerBytes / 3, "the layer holds the incompressible half of the data");

        // The build holds a few 1 MiB blocks per thread and its file buffers; the rest of the growth is the GC's
        // allocation budget and the runtime's own (JIT, thread stacks), which vary by machine: 64 MiB leaves room for
        // both while a builder that held the layer in memory (300 MiB) fails.
        Assert.True(growthMegabytes < 64, $"peak memory grew by {growthMegabytes:F1} MiB while building a {LayerBytes / 1048576} MiB layer");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static long StatusKilobytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(entry => entry.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
