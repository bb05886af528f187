namespace EcrPublish.Registry;

/// <summary>
/// Supplies registry credentials. The ECR implementation returns <c>AWS</c> and the GetAuthorizationToken
/// password; <c>refresh</c> asks for a new one after the registry rejected the last.
/// </summary>
public interface IRegistryCredentialProvider
{
    /// <summary>Credentials for <paramref name="registryHost"/> (host[:port]), or null to go anonymous.</summary>
    Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken);
}
