using System.Collections.Concurrent;
using EcrPublish.LocalEcr.Scanning;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Regions;

/// <summary>
/// The registries one LocalEcr serves: the default one (<c>--account</c>, <c>--region</c>) in the data directory, and
/// any other account or region on first use, in <c>&lt;data&gt;/registries/&lt;account&gt;/&lt;region&gt;/</c> (so
/// they persist with <c>--data</c> like the default one).
/// </summary>
internal sealed class RegionalRegistries
{
    private readonly LocalEcrOptions options;
    private readonly string dataDirectory;
    private readonly OsvFeed feed;
    private readonly ConcurrentDictionary<RegistryScope, Lazy<RegionalRegistry>> registries = new();

    public RegionalRegistries(LocalEcrOptions options, string dataDirectory)
    {
        this.options = options;
        this.dataDirectory = dataDirectory;
        feed = options.VulnerabilityDatabaseDirectory is { } vulnerabilities ? OsvFeed.Load(vulnerabilities) : OsvFeed.Empty;
        DefaultScope = new RegistryScope(options.AccountId, options.Region);

        // Half-written files of a killed run, in every registry's directory: no request is writing one yet.
        LeftoverFiles.Sweep(dataDirectory);

        // Opened now, so an unreadable data directory fails at start rather than on the first request.
        Default = Get(DefaultScope);
    }

    public RegistryScope DefaultScope { get; }

    public RegionalRegistry Default { get; }

    /// <summary>The registry of <paramref name="scope"/>, created (empty) on first use.</summary>
    public RegionalRegistry Get(RegistryScope scope) =>
        registries.GetOrAdd(scope, key => new Lazy<RegionalRegistry>(() => Create(key))).Value;

    private RegionalRegistry Create(RegistryScope scope)
    {
        var directory = scope == DefaultScope
            ? dataDirectory
            : Path.Combine(dataDirectory, "registries", scope.AccountId, scope.Region);
        Directory.CreateDirectory(directory);
        return new RegionalRegistry(scope, options.ForScope(scope.AccountId, scope.Region), directory, feed, this);
    }
}
