using EcrPublish.Images;
using EcrPublish.Registry;
using EcrPublish.Testing;

namespace EcrPublish.IntegrationTests.Images;

/// <summary>A builder and pusher wired to the test registry (optionally through a proxy), with their own layer cache.</summary>
internal sealed class ImageEngineSession : IDisposable
{
    public ImageEngineSession(string? registry = null, IRegistryCredentialProvider? credentials = null, PushOptions? pushOptions = null, RegistryClientOptions? clientOptions = null)
    {
        Registry = registry ?? TestEnvironment.Registry;
        CacheDirectory = Path.Combine(TestEnvironment.WorkDirectory, "image-engine-cache-" + Guid.NewGuid().ToString("N")[..8]);
        Cache = new LayerCache(CacheDirectory);
        Pool = new RegistryClientPool(credentials, (clientOptions ?? new RegistryClientOptions()) with { Retry = new RetryPolicy(4, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2)) });
        Builder = new ImageBuilder(Cache, new BaseImageResolver(Pool));
        Pusher = new ImagePusher(Pool.Get(Registry), Pool, Cache, pushOptions ?? FastRetries());
    }

    public string Registry { get; }

    public string CacheDirectory { get; }

    public LayerCache Cache { get; }

    public RegistryClientPool Pool { get; }

    public ImageBuilder Builder { get; }

    public ImagePusher Pusher { get; }

    public RegistryClient Client => Pool.Get(Registry);

    /// <summary>The test registry's ASP.NET Core base, as reachable through <see cref="Registry"/>.</summary>
    public string AspNetBase => TestEnvironment.AspNetBaseImage.Replace(TestEnvironment.Registry, Registry, StringComparison.Ordinal);

    /// <summary>The runtime-only base seeded next to the ASP.NET Core one.</summary>
    public string RuntimeBase => AspNetBase.Replace("dotnet/aspnet", "dotnet/runtime", StringComparison.Ordinal);

    public static PushOptions FastRetries() => new() { BlobRetry = new RetryPolicy(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3)) };

    public static string NewRepository(string prefix) => $"it/{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static ImageOptions Options(string publishDirectory, string baseImage, DateTimeOffset? timestamp = null) => new()
    {
        Platforms = [new PlatformPublish("linux-x64", publishDirectory)],
        BaseImage = baseImage,
        Timestamp = timestamp ?? DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        Version = "1.2.3",
        Revision = "0123456789abcdef0123456789abcdef01234567",
    };

    public void Dispose()
    {
        Pool.Dispose();
        Directory.Delete(CacheDirectory, recursive: true);
    }
}
