using System.Net;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.Auth;
using EcrPublish.LocalEcr.ControlPlane;
using EcrPublish.LocalEcr.Maintenance;
using EcrPublish.LocalEcr.Regions;
using EcrPublish.LocalEcr.Registry;
using EcrPublish.LocalEcr.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcrPublish.LocalEcr;

/// <summary>
/// An ECR-compatible endpoint on 127.0.0.1: the ECR JSON 1.1 control plane at <c>POST /</c> and the registry at
/// <c>/v2/</c>, on one port. Start it with <see cref="StartAsync"/>; dispose it to stop (a temporary data directory
/// it created is then removed).
/// </summary>
public sealed class LocalEcrServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly bool ownsDataDirectory;
    private readonly OperationCounter operationCounter;

    private LocalEcrServer(WebApplication app, OperationCounter operationCounter, LocalEcrOptions options, string dataDirectory, bool ownsDataDirectory, int port)
    {
        this.app = app;
        this.operationCounter = operationCounter;
        this.ownsDataDirectory = ownsDataDirectory;
        Options = options;
        DataDirectory = dataDirectory;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The control-plane URL (<c>--endpoint-url</c>), e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>host:port of the registry (same port as the control plane), as used in image references.</summary>
    public string RegistryHost => Endpoint.Authority;

    /// <summary>Where repositories, images and blobs are stored.</summary>
    public string DataDirectory { get; }

    /// <summary>The options the server runs with.</summary>
    public LocalEcrOptions Options { get; }

    /// <summary>Starts listening; throws <see cref="LocalEcrException"/> when the options or the port are unusable.</summary>
    public static async Task<LocalEcrServer> StartAsync(LocalEcrOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var ownsDataDirectory = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "localecr-" + Guid.NewGuid().ToString("N"));
        try
        {
            OwnerOnlyDirectory.Create(dataDirectory);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new LocalEcrException("ECR5002", $"Cannot use data directory '{dataDirectory}': {error.Message}. Pass --data with a writable directory.", error);
        }

        var counter = new OperationCounter();
        var app = Build(options, dataDirectory, counter);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException error)
        {
            await app.DisposeAsync();
            throw new LocalEcrException("ECR5001", $"Cannot listen on 127.0.0.1:{options.Port}: {error.Message}. Choose another --port, or 0 for a free one.", error);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalEcrServer(app, counter, options, dataDirectory, ownsDataDirectory, new Uri(address).Port);
    }

    /// <summary>How many times the control-plane operation (e.g. <c>GetAuthorizationToken</c>) was called with a valid signature.</summary>
    public int CallCount(string operation) => operationCounter.Count(operation);

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening; in-flight requests get a short grace period.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still being released; the temporary directory is the OS's to clean then.
            }
        }
    }

    private static WebApplication Build(LocalEcrOptions options, string dataDirectory, OperationCounter counter)
    {
        // Storage is opened first, so an unreadable data directory fails before any host exists.
        var registries = new RegionalRegistries(options, dataDirectory);
        var controlPlane = new ControlPlaneEndpoint(options, new SigV4Verifier(options), registries, counter);
        var lifecycle = registries.Default.Lifecycle;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(LocalEcrServer).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            // Blob uploads are unbounded (ECR allows 52,000 MiB layers); control-plane and manifest bodies have their own limits.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        if (options.LifecycleInterval is { } interval)
        {
            builder.Services.AddHostedService(_ => new LifecycleScheduler(lifecycle, interval));
        }

        var lifecycleEndpoint = new LifecycleRunEndpoint(lifecycle);
        // Registry passwords are keyed by the secret alone, so one authenticator serves every account and region.
        var authenticator = new RegistryAuthenticator(options, new RegistryTokenIssuer(options));
        var hostFilter = new HostHeaderFilter(options.Hostname);
        var layerDownloads = new LayerDownloadEndpoint(options, new LayerUrlSigner(options), registries);
        var app = builder.Build();
        if (options.LogRequests)
        {
            app.Use(async (context, next) =>
            {
                await next(context);
                Console.WriteLine($"{context.Request.Method} {context.Request.Path} -> {context.Response.StatusCode}");
            });
        }

        app.Use((context, next) => hostFilter.IsAllowed(context.Request.Host) ? next(context) : hostFilter.RefuseAsync(context));
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path == "/" && HttpMethods.IsPost(context.Request.Method))
            {
                await controlPlane.HandleAsync(context);
                return;
            }

            // A pre-signed layer URL carries its own signature instead of registry credentials, as ECR's S3 URLs do.
            if (path.StartsWith(LayerUrlSigner.PathPrefix, StringComparison.Ordinal))
            {
                await layerDownloads.HandleAsync(context);
                return;
            }

            var isLifecycleRun = path == LifecycleRunEndpoint.Path && HttpMethods.IsPost(context.Request.Method);
            var isRegistry = path == "/v2" || path.StartsWith("/v2/", StringComparison.Ordinal);
            if (!isLifecycleRun && !isRegistry)
            {
                context.Response.StatusCode = 404;
                return;
            }

            // Authenticated before anything is looked up, so a refused request creates no region's folders.
            context.Response.Headers["Docker-Distribution-Api-Version"] = "registry/2.0";
            if (!await authenticator.AuthenticateAsync(context))
            {
                return;
            }

            if (isLifecycleRun)
            {
                await lifecycleEndpoint.HandleAsync(context);
            }
            else if (ScopedRegistryPath.Parse(path) is { } scoped)
            {
                context.Request.Path = scoped.Path;
                await registries.Get(scoped.Scope).Registry.HandleAsync(context);
            }
            else
            {
                await registries.Default.Registry.HandleAsync(context);
            }
        });
        return app;
    }

    private static void Validate(LocalEcrOptions options)
    {
        if (!EcrRegistryId.IsValid(options.AccountId))
        {
            throw new LocalEcrException("ECR5003", $"The account id '{options.AccountId}' is not 12 digits. Pass --account with a 12-digit id.");
        }

        if (!EcrRegion.IsValid(options.Region))
        {
            throw new LocalEcrException("ECR5003", $"The region '{options.Region}' is not a region name like us-east-1. Pass --region.");
        }

        if (string.IsNullOrEmpty(options.AccessKeyId) || string.IsNullOrEmpty(options.SecretAccessKey))
        {
            throw new LocalEcrException("ECR5003", "The access key id and secret key must not be empty. Pass both --access-key and --secret-key, or neither for the defaults.");
        }

        if (options.Hostname is not null && Uri.CheckHostName(options.Hostname) is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
        {
            throw new LocalEcrException("ECR5003", $"The hostname '{options.Hostname}' is not a host name. Pass --hostname with a name like registry.local (no port, no scheme).");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new LocalEcrException("ECR5003", $"The port {options.Port} is not between 0 and 65535.");
        }
    }
}
