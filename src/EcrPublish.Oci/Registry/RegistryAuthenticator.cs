using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcrPublish.Registry;

/// <summary>
/// Answers a registry's <c>WWW-Authenticate</c> challenge: Basic with the provider's credentials (ECR),
/// or Bearer with a token from the realm, cached per scope. Credentials and tokens go only to the
/// registry's own origin (scheme, host, port): an upload or redirect elsewhere (blob storage) gets none.
/// Secrets stay in memory and never reach a message.
/// </summary>
internal sealed class RegistryAuthenticator(string registry, Uri origin, IRegistryCredentialProvider? credentials, HttpClient tokenClient) : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AuthenticationChallenge? _challenge;
    private volatile RegistryCredential? _credential;
    private volatile bool _prepared;

    /// <summary>Adds what is known to authorize <paramref name="request"/> for <paramref name="scope"/>; returns the header it set.</summary>
    public AuthenticationHeaderValue? Apply(HttpRequestMessage request, string scope)
    {
        request.Headers.Authorization = request.RequestUri is { } target && IsSameOrigin(target, origin) ? Current(scope) : null;
        return request.Headers.Authorization;
    }

    /// <summary>
    /// Before the first request: when the credential provider knows the registry takes Basic credentials (ECR), fetch
    /// them now so the request carries them, saving the round trip that would only collect the 401 challenge.
    /// A registry that then challenges otherwise is answered as usual.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_prepared || _challenge is not null || credentials is not IBasicAuthRegistries basic || !basic.TakesBasicAuth(registry))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_prepared && _challenge is null)
            {
                _credential ??= await credentials.GetAsync(registry, refresh: false, cancellationToken).ConfigureAwait(false);
                if (_credential is not null)
                {
                    _challenge = new AuthenticationChallenge("Basic", new Dictionary<string, string>());
                }
            }

            _prepared = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static bool IsSameOrigin(Uri target, Uri origin) =>
        target.IsAbsoluteUri &&
        string.Equals(target.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(target.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        target.Port == origin.Port;

    /// <summary>
    /// Prepares credentials after a 401 to a request sent with <paramref name="sent"/>; false when there
    /// is nothing new to try. A rejected credential is refreshed (a new ECR token), once for all
    /// concurrent requests that saw it fail.
    /// </summary>
    public async Task<bool> OnUnauthorizedAsync(HttpResponseMessage response, string scope, AuthenticationHeaderValue? sent, CancellationToken cancellationToken)
    {
        var challenge = AuthenticationChallenge.From(response);
        if (challenge is null || !(challenge.IsBasic || challenge.IsBearer) ||
            response.RequestMessage?.RequestUri is not { } challenger || !IsSameOrigin(challenger, origin))
        {
            // Another origin (blob storage) asking for credentials gets none of the registry's.
            return false;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Current(scope);
            if (current is not null && !Equals(current, sent))
            {
                return true;
            }

            _challenge = challenge;
            var refresh = sent is not null;
            if (refresh || _credential is null)
            {
                _credential = credentials is null ? null : await credentials.GetAsync(registry, refresh, cancellationToken).ConfigureAwait(false);
            }

            if (challenge.IsBasic)
            {
                return _credential is not null;
            }

            _tokens[scope] = await FetchTokenAsync(challenge, scope, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> FetchTokenAsync(AuthenticationChallenge challenge, string scope, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || (realm.Scheme != Uri.UriSchemeHttps && realm.Scheme != Uri.UriSchemeHttp))
        {
            throw new RegistryException(RegistryErrorCodes.Unauthorized,
                $"{registry} asked for a token from '{challenge.Realm}', which is not an http(s) URL. Check the registry address.");
        }

        var query = new StringBuilder();
        if (challenge.Service is { } service)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
        }

        foreach (var part in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Append("scope=").Append(Uri.EscapeDataString(part)).Append('&');
        }

        var builder = new UriBuilder(realm) { Query = (realm.Query.TrimStart('?') + (realm.Query.Length > 1 ? "&" : "") + query.ToString().TrimEnd('&')) };
        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        if (_credential is { } credential)
        {
            if (realm.Scheme == Uri.UriSchemeHttp && origin.Scheme == Uri.UriSchemeHttps)
            {
                throw new RegistryException(RegistryErrorCodes.PlainHttpTokenRealm,
                    $"{registry} is https but asks for a token from {realm.GetLeftPart(UriPartial.Path)}, which is plain http: the credentials would travel in clear, so they were not sent. Check the registry address, or ask its operator to serve the token service over https.");
            }

            request.Headers.Authorization = Basic(credential);
        }

        using var response = await tokenClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryException(RegistryErrorCodes.Unauthorized,
                $"The token service of {registry} refused the credentials ({(int)response.StatusCode}). Log in again (docker login {registry}) or check the credential helper.",
                response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException(RegistryErrorCodes.Unauthorized,
                $"The token service of {registry} answered {(int)response.StatusCode}. Try again later.", response.StatusCode);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || !IsStringOrAbsent(body["token"]) || !IsStringOrAbsent(body["access_token"]))
        {
            throw new RegistryException(RegistryErrorCodes.TokenReplyMalformed,
                $"The token service of {registry} ({realm.GetLeftPart(UriPartial.Path)}) answered {(int)response.StatusCode} with something other than a JSON object whose \"token\" or \"access_token\" is a string. Check the registry address and any proxy in between, or report it to the registry's operator.",
                response.StatusCode);
        }

        return NonEmpty(body["token"]) ?? NonEmpty(body["access_token"])
            ?? throw new RegistryException(RegistryErrorCodes.Unauthorized, $"The token service of {registry} returned no token.");
    }

    private static bool IsStringOrAbsent(JsonNode? member) => member is null || (member is JsonValue value && value.TryGetValue<string>(out _));

    private static string? NonEmpty(JsonNode? member) => member is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private AuthenticationHeaderValue? Current(string scope)
    {
        var challenge = _challenge;
        if (challenge is null)
        {
            return null;
        }

        if (challenge.IsBearer)
        {
            return _tokens.TryGetValue(scope, out var token) ? new AuthenticationHeaderValue("Bearer", token) : null;
        }

        return _credential is { } credential ? Basic(credential) : null;
    }

    private static AuthenticationHeaderValue Basic(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")));

    public void Dispose() => _gate.Dispose();
}
