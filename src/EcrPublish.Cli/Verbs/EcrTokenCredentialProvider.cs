using EcrPublish.Aws;
using EcrPublish.Registry;

namespace EcrPublish.Cli.Verbs;

/// <summary>
/// The ECR registry token as registry credentials, asked for once and only for hosts <paramref name="isEcrHost"/> accepts
/// (so a non-ECR registry needs no AWS configuration), and given only to the host the token names.
/// </summary>
internal sealed class EcrTokenCredentialProvider(Func<Task<EcrAuthorizationToken>> token, Func<string, bool> isEcrHost) : IRegistryCredentialProvider
{
    private Task<EcrAuthorizationToken>? _token;

    public async Task<RegistryCredential?> GetAsync(string registryHost, bool refresh, CancellationToken cancellationToken)
    {
        if (!isEcrHost(registryHost))
        {
            return null;
        }

        var current = await (_token = refresh || _token is null ? token() : _token).ConfigureAwait(false);
        return string.Equals(current.RegistryHost, registryHost, StringComparison.OrdinalIgnoreCase) ? new RegistryCredential(current.Username, current.Password) : null;
    }
}
