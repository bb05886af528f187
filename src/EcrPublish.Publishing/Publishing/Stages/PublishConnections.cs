using EcrPublish.Aws;
using EcrPublish.Images;
using EcrPublish.Registry;

namespace EcrPublish.Publishing.Stages;

/// <summary>
/// What the real stages of one publish share: the ECR client (created on first use, so an image that cannot be built
/// fails the same with or without AWS credentials), the registry credentials and clients, and the layer cache.
/// </summary>
public sealed class PublishConnections : IDisposable
{
    private readonly Lazy<EcrApiClient> _ecr;
    // Known before provisioning: the push endpoint. The host ECR names joins once the repository is known, before the
    // push; base images in ECR private registries are recognised by their host name.
    private readonly List<string> _ecrHosts = [];

    /// <param name="request">The publish: its AWS profile, region and endpoints.</param>
    /// <param name="log">Where the credential provider says which token it uses.</param>
    /// <param name="time">The clock that decides when a registry token is about to expire.</param>
    /// <param name="sharedTokens">Registry tokens other publishes of the same build obtained.</param>
    /// <param name="ecrClient">Creates the ECR client from its options, once, when a stage first needs it.</param>
    /// <param name="layerCacheDirectory">The folder of the layer cache.</param>
    /// <param name="awsCredentials">The credentials every ECR client of the publish uses, resolved once per profile; when null each client resolves its own.</param>
    public PublishConnections(
        EcrPublishRequest request, IPublishLog log, TimeProvider time, EcrAuthorizationTokenCache? sharedTokens, Func<EcrClientOptions, EcrApiClient> ecrClient, string layerCacheDirectory,
        PublishAwsCredentials? awsCredentials = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        // First, as it may fail (an unwritable folder) and holds nothing to release.
        Cache = new LayerCache(layerCacheDirectory);
        var debugLog = Http.HttpDebugSwitch.LogFor(Environment.GetEnvironmentVariable);
        _ecr = new Lazy<EcrApiClient>(() => ecrClient(new EcrClientOptions
        {
            Profile = request.Profile, Region = request.Region, ServiceUrl = request.ServiceUrl, UseFips = request.UseFips, DebugLog = debugLog, Credentials = awsCredentials?.For(request.Profile),
        }));
        if (request.RegistryEndpoint is { } endpoint)
        {
            _ecrHosts.Add(EcrRegistryHost.OfEndpoint(endpoint));
        }

        Credentials = new EcrRegistryCredentialProvider(_ecr, _ecrHosts, time, sharedTokens, log)
        {
            DiscoversOwnRegistry = request.ServiceUrl is not null && request.Push,
            // A registry in another region is served by that region's endpoint: the publish's EcrServiceUrl names one region's.
            RegionalClient = (region, fips) => ecrClient(new EcrClientOptions
            {
                Profile = request.Profile, Region = region, UseFips = fips ? true : request.UseFips, DebugLog = debugLog, Credentials = awsCredentials?.For(request.Profile),
            }),
        };
        // Plain http only for the push endpoint the user named: base images on other registries stay on https.
        var registryOptions = new RegistryClientOptions
        {
            PlainHttpRegistries = request.RegistryEndpoint is { Scheme: "http" } plainEndpoint ? [EcrRegistryHost.OfEndpoint(plainEndpoint)] : [],
            DebugLog = debugLog,
        };
        Registries = new RegistryClientPool(new CompositeCredentialProvider(Credentials, new DockerConfigCredentialProvider()), registryOptions);
        Steps = new PublishStepTimer(log, time);
        BaseInventories = new BaseImageInventories(new SupplyChain.BaseImageInventoryReader(Cache, Registries), Steps);
    }

    /// <summary>The ECR client, created on the first call.</summary>
    public EcrApiClient Ecr => _ecr.Value;

    /// <summary>Registry credentials for ECR registries (the token), per host.</summary>
    public EcrRegistryCredentialProvider Credentials { get; }

    /// <summary>One registry client per host, with ECR's credentials and then Docker's config.</summary>
    public RegistryClientPool Registries { get; }

    /// <summary>The layer cache the daemonless build writes and the push reads.</summary>
    public LayerCache Cache { get; }

    /// <summary>Times the stages' inner steps in the publish log, counted from the start of the publish.</summary>
    public PublishStepTimer Steps { get; }

    /// <summary>The base images' SBOM inventories, read once per publish (and per machine, through the layer cache's records).</summary>
    public BaseImageInventories BaseInventories { get; }

    /// <summary>The hosts known to be this publish's ECR registries.</summary>
    public IReadOnlyList<string> EcrHosts => _ecrHosts;

    /// <summary>Serves <paramref name="host"/> with ECR's credentials from now on.</summary>
    public void AddEcrHost(string host)
    {
        _ecrHosts.Add(host);
        Credentials.AddRepositoryHost(host);
    }

    public void Dispose()
    {
        BaseInventories.Dispose();
        Registries.Dispose();
        Credentials.Dispose();
        if (_ecr.IsValueCreated)
        {
            _ecr.Value.Dispose();
        }
    }
}
