using EcrPublish.Aws;
using EcrPublish.Registry;

namespace EcrPublish.Publishing;

/// <summary>
/// Registry credentials for the ECR registries of a publish: <c>AWS</c> and the GetAuthorizationToken password, one
/// token per <see cref="EcrTokenScope"/> (the registry pushed to, and each account and region an ECR base image or
/// pull-through cache lives in: ECR tokens are regional), fetched when first needed and again only when the registry
/// rejects it or it is about to expire. Other registries get null (combine with <see cref="CompositeCredentialProvider"/>
/// to fall back to Docker's config). The password stays in memory: it is never logged, written or passed to another process.
/// With a <see cref="EcrAuthorizationTokenCache"/>, a token another publish of the same build obtained is reused.
/// </summary>
public sealed class EcrRegistryCredentialProvider : IRegistryCredentialProvider, IBasicAuthRegistries, IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _repositoryHosts = new(StringComparer.OrdinalIgnoreCase);

    // Refresh this long before expiry so a long push never starts a request with a token about to lapse.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<EcrTokenScope, EcrAuthorizationToken> _tokens = [];
    private readonly Dictionary<(string Region, bool Fips), EcrApiClient> _regionalClients = [];
    private readonly Lazy<EcrApiClient> _ecr;
    private readonly IReadOnlyCollection<string> _ecrRegistryHosts;
    private readonly TimeProvider _time;
    private readonly EcrAuthorizationTokenCache? _sharedTokens;
    private readonly IPublishLog? _log;

    public EcrRegistryCredentialProvider(
        EcrApiClient ecr,
        IReadOnlyCollection<string> ecrRegistryHosts,
        TimeProvider time,
        EcrAuthorizationTokenCache? sharedTokens = null,
        IPublishLog? log = null)
        : this(new Lazy<EcrApiClient>(ecr), ecrRegistryHosts, time, sharedTokens, log)
    {
    }

    /// <param name="ecr">Created on the first token asked for: a publish whose base image is not in ECR builds without AWS credentials.</param>
    /// <param name="ecrRegistryHosts">Read on every call, so a host may be added once the repository is known.</param>
    /// <param name="time">The clock that decides when a token is about to expire.</param>
    /// <param name="sharedTokens">Tokens other publishes of the same build obtained.</param>
    /// <param name="log">Where to say which token is used.</param>
    public EcrRegistryCredentialProvider(
        Lazy<EcrApiClient> ecr,
        IReadOnlyCollection<string> ecrRegistryHosts,
        TimeProvider time,
        EcrAuthorizationTokenCache? sharedTokens = null,
        IPublishLog? log = null)
    {
        _ecr = ecr;
        _ecrRegistryHosts = ecrRegistryHosts;
        _time = time;
        _sharedTokens = sharedTokens;
        _log = log;
    }

    /// <summary>
    /// Makes an ECR client for another region (and FIPS or not) with the same credentials, for registries there; this
    /// provider disposes what it makes. Null: every ECR registry gets the own client's token (the region it names is ignored).
    /// </summary>
    public Func<string, bool, EcrApiClient>? RegionalClient { get; init; }

    public async Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken)
    {
        var scope = EcrTokenScope.For(registryHost, _ecrRegistryHosts);
        if (scope is null && !DiscoversOwnRegistry)
        {
            return null;
        }

        var token = await CurrentTokenAsync(scope ?? EcrTokenScope.Own, refresh, cancellationToken).ConfigureAwait(false);
        // The credentials go to the registry the token names, never to another host.
        return scope is not null || string.Equals(token.RegistryHost, registryHost, StringComparison.OrdinalIgnoreCase)
            ? new RegistryCredential(token.Username, token.Password)
            : null;
    }

    /// <summary>The host of the registry the credentials' account owns (ECR's proxyEndpoint) and its credential, known before any repository is.</summary>
    public async Task<(string RegistryHost, RegistryCredential Credential)> OwnRegistryAsync(CancellationToken cancellationToken)
    {
        var token = await CurrentTokenAsync(EcrTokenScope.Own, refresh: false, cancellationToken).ConfigureAwait(false);
        return (token.RegistryHost, new RegistryCredential(token.Username, token.Password));
    }

    private async Task<EcrAuthorizationToken> CurrentTokenAsync(EcrTokenScope scope, bool refresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_tokens.TryGetValue(scope, out var token) || refresh || ExpiresSoon(token))
            {
                token = await ObtainAsync(scope, refresh, cancellationToken).ConfigureAwait(false);
                _tokens[scope] = token;
            }

            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var client in _regionalClients.Values)
        {
            client.Dispose();
        }

        _gate.Dispose();
    }

    // Called under the gate, so the regional clients need no lock of their own.
    private EcrApiClient ClientFor(EcrTokenScope scope)
    {
        if (scope.Region is not { } region || RegionalClient is null
            || (string.Equals(region, _ecr.Value.Region, StringComparison.OrdinalIgnoreCase) && !scope.Fips))
        {
            return _ecr.Value;
        }

        if (!_regionalClients.TryGetValue((region, scope.Fips), out var client))
        {
            client = RegionalClient(region, scope.Fips);
            _regionalClients[(region, scope.Fips)] = client;
        }

        return client;
    }

    private async Task<EcrAuthorizationToken> ObtainAsync(EcrTokenScope scope, bool refresh, CancellationToken cancellationToken)
    {
        var ecr = ClientFor(scope);
        var key = _sharedTokens is null ? null : await EcrAuthorizationTokenCache.KeyForAsync(ecr).ConfigureAwait(false) + "|" + scope.RegistryId;
        // A refresh means the registry rejected the token we had: the shared one is the same token, so ask again.
        if (key is not null && !refresh && _sharedTokens!.TryGet(key, out var shared) && !ExpiresSoon(shared))
        {
            _log?.Detail($"EcrPublish: reusing the registry token for {shared.RegistryHost} obtained earlier in this build.");
            return shared;
        }

        var token = await ecr.GetRegistryCredentialsAsync(scope.RegistryId, cancellationToken).ConfigureAwait(false);
        _log?.Detail($"EcrPublish: obtained a registry token for {token.RegistryHost} from {ecr.Region}" + (token.ExpiresAt is { } expiresAt ? $", valid until {expiresAt:u}." : "."));
        if (key is not null)
        {
            _sharedTokens!.Store(key, token);
        }

        return token;
    }

    /// <summary>
    /// With an ECR endpoint of its own (EcrServiceUrl, e.g. LocalEcr), the registry's host is not an ECR host name and
    /// is known before the repository only through the token's proxy endpoint: ask for the token and compare.
    /// </summary>
    public bool DiscoversOwnRegistry { get; init; }

    /// <summary>True for the registry this publish pushes to, and for any ECR private registry host.</summary>
    public bool IsEcrRegistry(string registryHost) => EcrTokenScope.For(registryHost, _ecrRegistryHosts) is not null;

    /// <summary>
    /// ECR registries take Basic authentication with the token, so the first request can carry it: hosts named like ECR's,
    /// and those a repository's URI named (<see cref="AddRepositoryHost"/>). An endpoint the user named may be another
    /// registry behind ECR's control plane (moto's tests and benchmark push to distribution), which is left to challenge.
    /// </summary>
    public bool TakesBasicAuth(string registryHost) =>
        IsEcrRegistry(registryHost) && (EcrRegistryHost.IsEcrPrivateRegistry(registryHost) || _repositoryHosts.ContainsKey(registryHost));

    /// <summary>Records a host an ECR repository URI named: ECR's own registry, which takes the token as Basic credentials.</summary>
    public void AddRepositoryHost(string registryHost) => _repositoryHosts.TryAdd(registryHost, 0);

    // A token that was already expired when it arrived (moto hands those out) is used as is: fetching
    // again would give the same one.
    private bool ExpiresSoon(EcrAuthorizationToken token) =>
        token.ExpiresAt is { } expiresAt && expiresAt > _time.GetUtcNow() - TimeSpan.FromHours(1) && expiresAt - _time.GetUtcNow() < ExpiryMargin;
}
