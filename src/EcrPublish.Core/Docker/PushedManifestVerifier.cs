using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EcrPublish.Docker;

/// <summary>
/// Asks the registry itself which manifest each pushed tag points at (HEAD with every manifest media type in Accept,
/// so the registry never converts) and checks it is the digest the engine reported; then reads that manifest's layer sizes.
/// </summary>
public sealed class PushedManifestVerifier : IDisposable
{
    /// <summary>The manifest media types the registry may hold: OCI and Docker, single-platform and index.</summary>
    public static readonly IReadOnlyList<string> ManifestMediaTypes =
    [
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    ];

    private readonly HttpClient _http;
    private readonly bool? _plainHttp;

    /// <param name="plainHttp">true for http, false for https; null uses http for loopback registries (as the engine does) and https otherwise.</param>
    /// <param name="handler">The HTTP handler (default: a new SocketsHttpHandler).</param>
    public PushedManifestVerifier(bool? plainHttp = null, HttpMessageHandler? handler = null)
    {
        _plainHttp = plainHttp;
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Checks that every tag of <paramref name="pushed"/> resolves to its digest in the registry.</summary>
    /// <returns>The compressed sizes of the manifest's layers, in order; null when the digest names an index.</returns>
    public async Task<IReadOnlyList<long>?> VerifyAsync(DockerPushResult pushed, DockerRegistryCredentials? credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        var repository = DockerRepositoryName.Parse(pushed.Repository);
        foreach (var tag in pushed.Tags)
        {
            var uri = ManifestUri(repository, tag);
            using var response = await SendAsync(HttpMethod.Head, uri, repository, credentials, cancellationToken).ConfigureAwait(false);
            var served = response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { Length: > 0 } header
                ? header
                : await HashManifestAsync(uri, repository, credentials, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(served, pushed.Digest, StringComparison.Ordinal))
            {
                throw new DockerEngineException(DockerErrorCodes.DigestMismatch,
                    $"The registry serves {pushed.Repository}:{tag} at {served}, but the engine pushed {pushed.Digest}. Another push may have moved the tag; publish again.");
            }
        }

        var manifest = await ReadManifestAsync(ManifestUri(repository, pushed.Digest), repository, credentials, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(manifest);
        return document.RootElement.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array
            ? layers.EnumerateArray().Select(layer => layer.GetProperty("size").GetInt64()).ToList()
            : null;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>True for registries the engine reaches over plain http by default (loopback).</summary>
    internal static bool IsLoopback(string registry)
    {
        var host = registry.StartsWith('[') ? registry[1..registry.IndexOf(']', StringComparison.Ordinal)] : registry.Split(':')[0];
        return host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private Uri ManifestUri(DockerRepositoryName repository, string reference)
    {
        var scheme = _plainHttp ?? IsLoopback(repository.Registry) ? "http" : "https";
        var host = repository.Registry == "docker.io" ? "registry-1.docker.io" : repository.Registry;
        return new Uri($"{scheme}://{host}/v2/{repository.Path}/manifests/{reference}");
    }

    private async Task<string> HashManifestAsync(Uri uri, DockerRepositoryName repository, DockerRegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        // Registries need not send Docker-Content-Digest; then the digest is the hash of the manifest bytes.
        var bytes = Encoding.UTF8.GetBytes(await ReadManifestAsync(uri, repository, credentials, cancellationToken).ConfigureAwait(false));
        return "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
    }

    private async Task<string> ReadManifestAsync(Uri uri, DockerRepositoryName repository, DockerRegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, uri, repository, credentials, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    // Sends with Basic credentials up front; a Bearer challenge is answered by fetching a token from its realm.
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, DockerRepositoryName repository, DockerRegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendOnceAsync(method, uri, credentials is null ? null : Basic(credentials), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized
                && response.Headers.WwwAuthenticate.FirstOrDefault(challenge => challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) is { } bearer
                && await FetchBearerTokenAsync(bearer, credentials, cancellationToken).ConfigureAwait(false) is { } token)
            {
                response.Dispose();
                response = await SendOnceAsync(method, uri, token, cancellationToken).ConfigureAwait(false);
            }

            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                throw new DockerEngineException(DockerErrorCodes.RegistryVerificationFailed,
                    $"The registry answered {(int)response.StatusCode} {response.ReasonPhrase} for {method} {uri} right after the push. " +
                    "Check the registry credentials and that the repository accepts reads.");
            }

            return response;
        }
        catch (HttpRequestException exception)
        {
            throw new DockerEngineException(DockerErrorCodes.RegistryVerificationFailed,
                $"The registry could not be asked for {uri}: {exception.Message}. Check that {repository.Registry} is reachable from this machine.", exception);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        foreach (var mediaType in ManifestMediaTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        request.Headers.Authorization = authorization;
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AuthenticationHeaderValue?> FetchBearerTokenAsync(AuthenticationHeaderValue challenge, DockerRegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        var parameters = BearerChallengeParser.Parse(challenge.Parameter ?? string.Empty);
        if (!parameters.TryGetValue("realm", out var realm))
        {
            return null;
        }

        var query = string.Join('&', parameters.Where(pair => pair.Key is "service" or "scope").Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? realm : $"{realm}?{query}");
        request.Headers.Authorization = credentials is null ? null : Basic(credentials);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var token = document.RootElement.TryGetProperty("token", out var value) ? value.GetString()
            : document.RootElement.TryGetProperty("access_token", out var access) ? access.GetString() : null;
        return token is null ? null : new AuthenticationHeaderValue("Bearer", token);
    }

    private static AuthenticationHeaderValue Basic(DockerRegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
}
