namespace EcrPublish.Registry;

/// <summary>Asks several providers in order and uses the first answer (e.g. the ECR token for ECR hosts, then Docker's config).</summary>
public sealed class CompositeCredentialProvider(params IRegistryCredentialProvider[] providers) : IRegistryCredentialProvider, IBasicAuthRegistries
{
    /// <summary>Whether the first provider that serves <paramref name="registryHost"/> says it takes Basic credentials.</summary>
    public bool TakesBasicAuth(string registryHost) =>
        providers.FirstOrDefault() is IBasicAuthRegistries first && first.TakesBasicAuth(registryHost);

    public async Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken)
    {
        foreach (var provider in providers)
        {
            if (await provider.GetAsync(registryHost, refresh, cancellationToken).ConfigureAwait(false) is { } credential)
            {
                return credential;
            }
        }

        return null;
    }
}
