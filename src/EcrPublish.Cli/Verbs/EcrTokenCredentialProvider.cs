using EcrPublish.Aws;
using EcrPublish.Registry;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// The ECR registry token as the credentials of one registry host, <paramref name="tokenHost"/> (no other host gets
/// it): read once through <paramref name="read"/> (GetAuthorizationToken in the registry's region) and kept, read again
/// when the registry rejected it (a refresh), so an expired token is replaced rather than sent back. <paramref name="first"/>
/// is a token already read (to find the registry), used first.
/// </summary>
internal sealed class EcrTokenCredentialProvider(Func<Task<EcrAuthorizationToken>> read, string tokenHost, Task<EcrAuthorizationToken>? first = null) : IRegistryCredentialProvider
{
    private Task<EcrAuthorizationToken>? _token = first;

    public async Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken)
    {
        if (!string.Equals(registryHost, tokenHost, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var current = await (_token = refresh || _token is null ? read() : _token).ConfigureAwait(false);
        return new RegistryCredential(current.Username, current.Password);
    }
}
