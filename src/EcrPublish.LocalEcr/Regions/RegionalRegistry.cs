using EcrPublish.LocalEcr.Auth;
using EcrPublish.LocalEcr.ControlPlane;
using EcrPublish.LocalEcr.Limits;
using EcrPublish.LocalEcr.Maintenance;
using EcrPublish.LocalEcr.PullThrough;
using EcrPublish.LocalEcr.Registry;
using EcrPublish.LocalEcr.Replication;
using EcrPublish.LocalEcr.Scanning;
using EcrPublish.LocalEcr.Signing;
using EcrPublish.LocalEcr.Storage;
using EcrPublish.LocalEcr.Templates;

namespace EcrPublish.LocalEcr.Regions;

/// <summary>
/// Everything one account's registry in one region is made of: its storage (own data directory), its control-plane
/// operations, its registry API and its lifecycle runner.
/// </summary>
internal sealed class RegionalRegistry
{
    public RegionalRegistry(RegistryScope scope, LocalEcrOptions options, string dataDirectory, OsvFeed feed, RegionalRegistries all)
    {
        Scope = scope;
        Options = options;
        var tokens = new RegistryTokenIssuer(options);
        Blobs = new BlobStore(dataDirectory);
        var uploads = new UploadStore(dataDirectory, options.UploadSessionLifetime, options.TimeProvider);
        Repositories = new RepositoryStore(dataDirectory);
        Settings = new RegistrySettingsStore(dataDirectory);
        var scanner = new ImageScanner(options, Blobs, feed, options.TimeProvider.GetUtcNow(), Settings);
        Catalog = new ImageCatalog(Blobs, scanner);
        var json = new EcrJson(options);
        var throttle = new PutImageThrottle(options);
        var replicator = new ImageReplicator(this, all);
        Creator = new RepositoryCreator(options, Settings);
        var pullTimes = new PullTimeRecorder(options, Settings);
        var signer = new ImageSigner(options, dataDirectory, Repositories, Blobs, Catalog, Settings);
        Operations = new RepositoryOperations(options, Repositories, json).All()
            .Concat(new TaggingOperations(options, Repositories).All())
            .Concat(new ImageQueryOperations(options, Repositories, Blobs, json, pullTimes).All())
            .Concat(new ReferrerOperations(options, Repositories).All())
            .Concat(new ImageWriteOperations(options, Repositories, Catalog, throttle, replicator, Creator, signer).All())
            .Concat(new RegistryOperations(options, tokens, Settings).All())
            .Concat(new ReplicationOperations(options, Repositories, Settings).All())
            .Concat(new PullThroughCacheOperations(options, Settings).All())
            .Concat(new LifecycleOperations(options, Repositories).All())
            .Concat(new PolicyOperations(options, Repositories, Settings).All())
            .Concat(new ScanOperations(options, Repositories, Settings, scanner).All())
            .Concat(new RepositoryScanningOperations(options, Repositories, Settings, json).All())
            .Concat(new RepositoryCreationTemplateOperations(options, Settings).All())
            .Concat(new PullTimeUpdateExclusionOperations(options, Settings).All())
            .Concat(new SigningOperations(options, Repositories, Settings).All())
            .Concat(new AccountSettingOperations(Settings).All())
            .Concat(new StorageClassOperations(options, Repositories).All())
            .Concat(new LayerOperations(options, scope, Repositories, Blobs, uploads, new LayerUrlSigner(options)).All())
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        Registry = new RegistryEndpoint(
            new BlobHandler(options, Repositories, Blobs),
            new UploadHandler(options, Repositories, Blobs, uploads, Creator, Settings),
            new ManifestHandler(options, Repositories, Blobs, Catalog, throttle, replicator, new PullThroughCache(Repositories, Blobs, Catalog, Settings, Creator, options.TimeProvider), pullTimes, Creator, signer),
            new TagListHandler(options, Repositories),
            new ReferrersHandler(options, Repositories));
        var collector = new BlobCollector(Repositories, Blobs, options.UploadSessionLifetime, options.TimeProvider);
        Lifecycle = new LifecycleRunner(Repositories, collector, options.TimeProvider);

        // Nothing is in flight while a registry opens: the moment to drop what earlier runs left unreferenced.
        collector.CollectAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public RegistryScope Scope { get; }

    /// <summary>The server's options with this registry's account, region and registry path prefix.</summary>
    public LocalEcrOptions Options { get; }

    public BlobStore Blobs { get; }

    public RepositoryStore Repositories { get; }

    public RegistrySettingsStore Settings { get; }

    public ImageCatalog Catalog { get; }

    /// <summary>Creates the repositories LocalEcr makes on its own, with the registry's repository creation templates.</summary>
    public RepositoryCreator Creator { get; }

    /// <summary>The control-plane operations by name (the part of <c>X-Amz-Target</c> after the service prefix).</summary>
    public IReadOnlyDictionary<string, EcrOperation> Operations { get; }

    public RegistryEndpoint Registry { get; }

    public LifecycleRunner Lifecycle { get; }
}
