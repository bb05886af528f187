using System.Collections.Concurrent;
using EcrPublish.Images;
using EcrPublish.Images.Packages;
using EcrPublish.SupplyChain;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// The base images' SBOM inventories of one publish (<see cref="BaseImageInventoryReader"/>), each read once, started as
/// soon as the build resolves its base image (<see cref="Start"/>) so that reading it overlaps the build and the push
/// rather than following them. Reading changes nothing anywhere but the local layer cache.
/// </summary>
/// <param name="reader">Reads one base image's inventory.</param>
/// <param name="timer">Times each read in the publish log; none when null.</param>
public sealed class BaseImageInventories(BaseImageInventoryReader reader, PublishStepTimer? timer = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ImageFileSystem>>> _reads = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts reading <paramref name="baseImage"/>'s inventory in the background; its failure surfaces when the SBOM asks for it.</summary>
    public void Start(BaseImage baseImage)
    {
        ArgumentNullException.ThrowIfNull(baseImage);
        // Observed here so that a read nobody awaits (the publish failed before its SBOM) is no unobserved task exception.
        _ = Read(baseImage).ContinueWith(read => read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The inventory of <paramref name="baseImage"/>: the read <see cref="Start"/> began, else a new one.</summary>
    public Task<ImageFileSystem> GetAsync(BaseImage? baseImage, CancellationToken cancellationToken) =>
        baseImage is { ManifestDigest: not null } ? Read(baseImage).WaitAsync(cancellationToken) : reader.ReadAsync(baseImage, cancellationToken);

    /// <summary>Stops reads still running (the publish ended without needing them).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private Task<ImageFileSystem> Read(BaseImage baseImage) =>
        _reads.GetOrAdd(baseImage.ManifestDigest ?? "", _ => new Lazy<Task<ImageFileSystem>>(() => timer is null
            ? reader.ReadAsync(baseImage, _stop.Token)
            : timer.TimeAsync($"sbom base image packages {baseImage.ManifestDigest}", () => reader.ReadAsync(baseImage, _stop.Token)))).Value;
}
