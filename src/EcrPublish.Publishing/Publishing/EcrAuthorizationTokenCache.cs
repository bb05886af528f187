using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using EcrPublish.Aws;

namespace EcrPublish.Publishing;

/// <summary>
/// ECR authorization tokens shared by every publish of one build (a solution publishes many projects), so that
/// GetAuthorizationToken is called once per registry and identity instead of once per project. In memory only:
/// the password never leaves the process.
/// </summary>
public sealed class EcrAuthorizationTokenCache
{
    private readonly ConcurrentDictionary<string, EcrAuthorizationToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>The token stored under <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out EcrAuthorizationToken? token) => _tokens.TryGetValue(key, out token);

    /// <summary>Stores (or replaces) the token for <paramref name="key"/>.</summary>
    public void Store(string key, EcrAuthorizationToken token) => _tokens[key] = token;

    /// <summary>
    /// The cache key for tokens obtained by <paramref name="ecr"/>: the endpoint, the region and the access key id.
    /// A different identity (or account behind another endpoint) never gets another's token; the access key id is not
    /// secret (it appears in every request's Authorization header).
    /// </summary>
    public static async Task<string> KeyForAsync(EcrApiClient ecr)
    {
        ArgumentNullException.ThrowIfNull(ecr);
        var credentials = await ecr.Credentials.GetCredentialsAsync().ConfigureAwait(false);
        return $"{ecr.Endpoint}|{ecr.Region}|{credentials.AccessKey}";
    }
}
