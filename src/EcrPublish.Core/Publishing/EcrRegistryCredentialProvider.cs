using EcrPublish.Aws;
using EcrPublish.Registry;

namespace EcrPublish.Publishing;

/// <summary>
/// Registry credentials for the ECR registry we push to (and pull ECR base images from): <c>AWS</c> and the
/// GetAuthorizationToken password, fetched once per publish and again only when the registry rejects it or
/// it is about to expire. Other registries get null (combine with <see cref="CompositeCredentialProvider"/>
/// to fall back to Docker's config). The password stays in memory: it is never logged, written or passed to another process.
/// With a <see cref="EcrAuthorizationTokenCache"/>, a token another publish of the same build obtained is reused.
/// </summary>
public sealed class EcrRegistryCredentialProvider(
    EcrApiClient ecr,
    IReadOnlyCollection<string> ecrRegistryHosts,
    TimeProvider time,
    EcrAuthorizationTokenCache? sharedTokens = null,
    IPublishLog? log = null) : IRegistryCredentialProvider, IDisposable
{
    // Refresh this long before expiry so a long push never starts a request with a token about to lapse.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EcrAuthorizationToken? _token;

    public async Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken)
    {
        if (!IsEcrRegistry(registryHost))
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || refresh || ExpiresSoon(_token))
            {
                _token = await ObtainAsync(refresh, cancellationToken).ConfigureAwait(false);
            }

            return new RegistryCredential(_token.Username, _token.Password);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<EcrAuthorizationToken> ObtainAsync(bool refresh, CancellationToken cancellationToken)
    {
        var key = sharedTokens is null ? null : await EcrAuthorizationTokenCache.KeyForAsync(ecr).ConfigureAwait(false);
        // A refresh means the registry rejected the token we had: the shared one is the same token, so ask again.
        if (key is not null && !refresh && sharedTokens!.TryGet(key, out var shared) && !ExpiresSoon(shared))
        {
            log?.Detail($"EcrPublish: reusing the registry token for {shared.RegistryHost} obtained earlier in this build.");
            return shared;
        }

        var token = await ecr.GetRegistryCredentialsAsync(cancellationToken).ConfigureAwait(false);
        log?.Detail($"EcrPublish: obtained a registry token for {token.RegistryHost}" + (token.ExpiresAt is { } expiresAt ? $", valid until {expiresAt:u}." : "."));
        if (key is not null)
        {
            sharedTokens!.Store(key, token);
        }

        return token;
    }

    /// <summary>True for the registry this publish pushes to, and for any ECR private registry host.</summary>
    public bool IsEcrRegistry(string registryHost) =>
        ecrRegistryHosts.Contains(registryHost, StringComparer.OrdinalIgnoreCase) || EcrRegistryHost.IsEcrPrivateRegistry(registryHost);

    // A token that was already expired when it arrived (moto hands those out) is used as is: fetching
    // again would give the same one.
    private bool ExpiresSoon(EcrAuthorizationToken token) =>
        token.ExpiresAt is { } expiresAt && expiresAt > time.GetUtcNow() - TimeSpan.FromHours(1) && expiresAt - time.GetUtcNow() < ExpiryMargin;
}
