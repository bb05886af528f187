namespace EcrPublish.Registry;

/// <summary>Fixed credentials for one registry host (e.g. from DOTNET_CONTAINER_PUSH_REGISTRY_UNAME/PWORD); other hosts get none.</summary>
public sealed class StaticCredentialProvider(string host, RegistryCredential credential) : IRegistryCredentialProvider
{
    public Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken) =>
        Task.FromResult(string.Equals(registryHost, host, StringComparison.OrdinalIgnoreCase) ? credential : null);
}
