namespace EcrPublish.Registry;

/// <summary>
/// Implemented by credential providers that know a registry takes Basic authentication (ECR does, with its token), so
/// the first request carries the credentials instead of going out bare to collect a 401 challenge first.
/// </summary>
public interface IBasicAuthRegistries
{
    /// <summary>Whether <paramref name="registryHost"/> (host[:port]) takes Basic credentials from this provider.</summary>
    bool TakesBasicAuth(string registryHost);
}
