using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using EcrPublish.Images;

namespace EcrPublish.Registry;

/// <summary>
/// An OCI distribution client for one registry: authentication (Basic and Bearer), retries of
/// idempotent calls, manifests and blob reads. Uploads are in <see cref="BlobUploader"/>.
/// Plain http only for loopback registries and those listed in <see cref="RegistryClientOptions.PlainHttpRegistries"/>.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryAuthenticator _authenticator;
    private readonly RegistryClientOptions _options;

    public RegistryClient(string registry, IRegistryCredentialProvider? credentials, RegistryClientOptions? options = null)
    {
        Registry = registry;
        _options = options ?? new RegistryClientOptions();
        var network = _options.Handler ?? new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            MaxConnectionsPerServer = 32,
            AutomaticDecompression = DecompressionMethods.None,

            // Redirects are followed in SendAsync, which decides where credentials may go.
            AllowAutoRedirect = false,
        };
        // The debug log sits outside stall detection, so it sees request bodies as the caller made them.
        _http = new HttpClient(new TrafficCountingHandler(Traffic, Http.HttpDebugLogHandler.Wrap(new StallDetectingHandler(_options.StallTimeout, network), _options.DebugLog))) { Timeout = Timeout.InfiniteTimeSpan };
        var scheme = _options.PlainHttpRegistries.Contains(registry, StringComparer.OrdinalIgnoreCase) || IsLoopback(registry) ? "http" : "https";
        BaseUri = new Uri($"{scheme}://{registry}/");
        _authenticator = new RegistryAuthenticator(registry, BaseUri, credentials, _http);
    }

    private const int MaxRedirects = 5;

    /// <summary>host[:port] of the registry.</summary>
    public string Registry { get; }

    public Uri BaseUri { get; }

    /// <summary>Requests and bytes this client sent so far.</summary>
    public RegistryTraffic Traffic { get; } = new();

    internal RetryPolicy Retry => _options.Retry;

    /// <summary>What this client learned of the registry's referrers API (null: not asked yet); see <see cref="ReferrersReader"/>.</summary>
    public bool? HasReferrersApi { get; internal set; }

    public static bool IsLoopback(string registry)
    {
        var host = registry.StartsWith('[') ? registry[1..registry.IndexOf(']', StringComparison.Ordinal)] : registry.Split(':')[0];
        return host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    public static string Scope(string repository, bool push) => $"repository:{repository}:{(push ? "pull,push" : "pull")}";

    public Uri Url(string repository, string path) => new(BaseUri, $"v2/{repository}/{path}");

    /// <summary>The manifest or index at <paramref name="reference"/>, or null when the tag or digest is unknown.</summary>
    public async Task<RemoteManifest?> GetManifestAsync(string repository, string reference, bool forPush, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, Url(repository, "manifests/" + reference));
                foreach (var type in MediaTypes.AllManifestTypes)
                {
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
                }

                return request;
            },
            Scope(repository, forPush), retryTransient: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var error = await RegistryError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (error?.Code == "NAME_UNKNOWN")
            {
                throw RepositoryNotFound(repository, error);
            }

            return null;
        }

        await EnsureSuccessAsync(response, $"reading manifest {repository}:{reference}", repository, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypes.OciManifest;
        var digest = ContentDigest.Of(content);
        if (IsDigest(reference))
        {
            VerifyDigest("manifest", repository, reference, digest);
        }
        else if (response.Headers.TryGetValues("Docker-Content-Digest", out var reported) && reported.FirstOrDefault() is { } claimed && ContentDigest.IsValid(claimed))
        {
            // Fetched by tag: the registry's own digest of what it stored is all there is to check against.
            VerifyDigest("manifest", repository, claimed, digest);
        }

        return new RemoteManifest(mediaType, content, digest);
    }

    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Head, Url(repository, "blobs/" + digest)),
            Scope(repository, push: true), retryTransient: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"checking blob {digest}", repository, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The digest a HEAD of <paramref name="reference"/> (tag or digest) reports, or null when it is unknown; a registry that
    /// names no digest is asked with a GET and the content hashed.
    /// </summary>
    public Task<string?> ManifestDigestAsync(string repository, string reference, CancellationToken cancellationToken) =>
        ManifestDigestAsync(repository, reference, forPush: true, cancellationToken);

    /// <summary>As <see cref="ManifestDigestAsync(string, string, CancellationToken)"/>, with a pull-only scope when not <paramref name="forPush"/> (a base image).</summary>
    public async Task<string?> ManifestDigestAsync(string repository, string reference, bool forPush, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Head, Url(repository, "manifests/" + reference));
                foreach (var type in MediaTypes.AllManifestTypes)
                {
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
                }

                return request;
            },
            Scope(repository, forPush), retryTransient: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"checking manifest {repository}:{reference}", repository, cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var reported) && reported.FirstOrDefault() is { } digest && ContentDigest.IsValid(digest)
            ? digest
            : (await GetManifestAsync(repository, reference, forPush, cancellationToken).ConfigureAwait(false))?.Digest;
    }

    /// <summary>
    /// Starts reading a blob: the response with its body not yet read, for streaming it on (the caller checks the digest
    /// of what it reads and disposes the response).
    /// </summary>
    internal async Task<HttpResponseMessage> OpenBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Url(repository, "blobs/" + digest)),
            Scope(repository, push: false), retryTransient: true, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, $"downloading blob {digest}", repository, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A small blob (a config) in memory, checked against its digest.</summary>
    public async Task<byte[]> ReadBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Url(repository, "blobs/" + digest)),
            Scope(repository, push: false), retryTransient: true, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"reading blob {digest}", repository, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        VerifyDigest("blob", repository, digest, ContentDigest.Of(content));
        return content;
    }

    /// <summary>Downloads a blob into <paramref name="cache"/> (checked against its digest) and returns its path.</summary>
    public async Task<string> DownloadBlobAsync(string repository, string digest, LayerCache cache, CancellationToken cancellationToken)
    {
        if (cache.HasBlob(digest))
        {
            return cache.BlobPath(digest);
        }

        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Url(repository, "blobs/" + digest)),
            Scope(repository, push: false), retryTransient: true, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"downloading blob {digest}", repository, cancellationToken).ConfigureAwait(false);
        var temporary = cache.NewTemporaryPath();
        string actual;
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        using (var hashing = new HashingStream(file))
        {
            await response.Content.CopyToAsync(hashing, cancellationToken).ConfigureAwait(false);
            actual = hashing.Digest();
        }

        if (actual != digest)
        {
            File.Delete(temporary);
            VerifyDigest("blob", repository, digest, actual);
        }

        return cache.CommitBlob(temporary, digest);
    }

    /// <summary>PUTs a manifest or index and returns the digest the registry reports (checked against ours).</summary>
    public async Task<string> PutManifestAsync(string repository, string reference, string mediaType, byte[] content, CancellationToken cancellationToken) =>
        (await PutManifestWithResponseAsync(repository, reference, mediaType, content, cancellationToken).ConfigureAwait(false)).Digest;

    /// <summary>PUTs a manifest or index; also returns the <c>OCI-Subject</c> header a registry with the referrers API answers for a manifest with a subject.</summary>
    public async Task<ManifestPutResponse> PutManifestWithResponseAsync(string repository, string reference, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        var expected = ContentDigest.Of(content);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, Url(repository, "manifests/" + reference))
            {
                Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
            },
            Scope(repository, push: true), retryTransient: true, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await RegistryError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            throw error?.Code switch
            {
                "TAG_INVALID" => new RegistryException(RegistryErrorCodes.TagImmutable,
                    $"{Registry}/{repository} refused tag '{reference}': {error}.", response.StatusCode, error.Code),
                "NAME_UNKNOWN" => RepositoryNotFound(repository, error),
                "MANIFEST_INVALID" or "MANIFEST_BLOB_UNKNOWN" or "BLOB_UNKNOWN" or "UNSUPPORTED" or "SIZE_INVALID" => new RegistryException(RegistryErrorCodes.ManifestRejected,
                    $"{Registry}/{repository} rejected manifest '{reference}': {error}. The registry may not support this image format or layer count; report it with this message.",
                    response.StatusCode, error.Code),
                _ => await ErrorAsync(response, error, $"pushing manifest {repository}:{reference}", repository).ConfigureAwait(false),
            };
        }

        var reported = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
        if (reported is not null && reported != expected)
        {
            throw new RegistryException(RegistryErrorCodes.DigestMismatch,
                $"{Registry}/{repository} stored manifest '{reference}' as {reported}, but its digest is {expected}. The registry or a proxy changed it; push again or report this.");
        }

        var subject = response.Headers.TryGetValues("OCI-Subject", out var subjects) ? subjects.FirstOrDefault() : null;
        return new ManifestPutResponse(expected, subject);
    }

    /// <summary>
    /// Sends a request built by <paramref name="create"/> (called again for each attempt), answering
    /// auth challenges; retries broken connections and 408/429/5xx when <paramref name="retryTransient"/>.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> create,
        string scope,
        bool retryTransient,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var attempt = 0;
        var authenticationRounds = 0;
        await _authenticator.PrepareAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            attempt++;
            using var request = create();
            var sent = _authenticator.Apply(request, scope);
            HttpResponseMessage response;
            try
            {
                response = await SendFollowingRedirectsAsync(request, create, scope, completion, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (retryTransient && attempt < Retry.MaxAttempts && IsTransient(exception, cancellationToken))
            {
                await Task.Delay(Retry.DelayBefore(attempt, null), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception exception) when (retryTransient && IsTransient(exception, cancellationToken))
            {
                throw new RegistryException(RegistryErrorCodes.Unreachable,
                    $"{Registry} could not be reached ({request.Method} {request.RequestUri?.AbsolutePath}: {exception.Message}) after {attempt} attempts. Check the registry address, the network and any proxy.",
                    innerException: exception);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken) && exception is not HttpRequestException)
            {
                throw new HttpRequestException($"{request.Method} {request.RequestUri} timed out or broke: {exception.Message}", exception);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && authenticationRounds < 2)
            {
                authenticationRounds++;
                attempt--;
                if (await _authenticator.OnUnauthorizedAsync(response, scope, sent, cancellationToken).ConfigureAwait(false))
                {
                    response.Dispose();
                    continue;
                }
            }

            if (retryTransient && attempt < Retry.MaxAttempts && RetryPolicy.IsTransient(response.StatusCode))
            {
                var delay = Retry.DelayBefore(attempt, RetryPolicy.RetryAfter(response));
                response.Dispose();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and follows redirects of GET and HEAD (blob downloads go to storage such as S3).
    /// Each hop is authorized afresh, so only the registry's own origin ever sees its credentials.
    /// </summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(
        HttpRequestMessage request, Func<HttpRequestMessage> create, string scope, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        for (var hop = 0; hop < MaxRedirects && IsRedirect(response.StatusCode) && response.Headers.Location is { } location &&
            (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head); hop++)
        {
            Uri target;
            try
            {
                target = ResolveLocation(response.RequestMessage!.RequestUri!, location, $"{request.Method} {request.RequestUri!.AbsolutePath}");
            }
            finally
            {
                response.Dispose();
            }

            var next = create();
            next.RequestUri = target;
            _authenticator.Apply(next, scope);
            response = await _http.SendAsync(next, completion, cancellationToken).ConfigureAwait(false);
            response.RequestMessage ??= next;
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>
    /// Where a <c>Location</c> header (a redirect or an upload session) points, relative to <paramref name="from"/>;
    /// refuses a step from https down to http, which would expose the content and any later credentials.
    /// </summary>
    internal Uri ResolveLocation(Uri from, Uri location, string action)
    {
        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (target.Scheme != Uri.UriSchemeHttps && from.Scheme == Uri.UriSchemeHttps)
        {
            throw new RegistryException(RegistryErrorCodes.DowngradeToHttp,
                $"{Registry} sent {action} from https to {target.Scheme}://{target.Authority}{target.AbsolutePath}; EcrPublish does not leave https for plain http. Check the registry and any proxy in between.");
        }

        return target;
    }

    /// <summary>Whether an exception from sending is a broken connection or timeout (not the caller's cancellation).</summary>
    internal static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException or SocketException ||
        (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    internal async Task EnsureSuccessAsync(HttpResponseMessage response, string action, string repository, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var error = await RegistryError.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        throw await ErrorAsync(response, error, action, repository).ConfigureAwait(false);
    }

    internal RegistryException RepositoryNotFound(string repository, RegistryError? error) => new(RegistryErrorCodes.RepositoryNotFound,
        $"The repository '{repository}' does not exist in {Registry}{(error is null ? "" : $" ({error})")}. Create it first (dotnet ecr create-repository, or EcrCreateRepository=true).",
        HttpStatusCode.NotFound, error?.Code ?? "NAME_UNKNOWN");

    private Task<RegistryException> ErrorAsync(HttpResponseMessage response, RegistryError? error, string action, string repository)
    {
        var status = (int)response.StatusCode;
        var detail = error is null ? $"HTTP {status}" : $"HTTP {status} {error}";
        var exception = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new RegistryException(RegistryErrorCodes.Unauthorized,
                $"{Registry} rejected the credentials while {action} ({detail}). Log in again, or for ECR check the AWS credentials and region.", response.StatusCode, error?.Code),
            HttpStatusCode.Forbidden => new RegistryException(RegistryErrorCodes.Denied,
                $"{Registry} denied {action} ({detail}). Check that the identity may push to '{repository}' (ecr:InitiateLayerUpload, ecr:PutImage, ...).", response.StatusCode, error?.Code)
            {
                RequestMethod = response.RequestMessage?.Method.Method,
                RequestPath = response.RequestMessage?.RequestUri?.PathAndQuery,
            },
            HttpStatusCode.NotFound when error?.Code == "NAME_UNKNOWN" => RepositoryNotFound(repository, error),
            _ => new RegistryException(RegistryErrorCodes.Unexpected, $"{Registry} failed {action} ({detail}).", response.StatusCode, error?.Code),
        };
        return Task.FromResult(exception);
    }

    /// <summary>Content asked for by digest must hash to that digest, or something between us and the registry changed it.</summary>
    internal void VerifyDigest(string kind, string repository, string expected, string actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new RegistryException(RegistryErrorCodes.ContentNotAsAddressed,
                $"The {kind} {Registry}/{repository}@{expected} was served with content whose digest is {actual}. The registry or something in between (a proxy, a cache) changed it; nothing was built from it. Try again, and report it if it persists.");
        }
    }

    private static bool IsDigest(string reference) => reference.Contains(':', StringComparison.Ordinal);

    public void Dispose()
    {
        _authenticator.Dispose();
        _http.Dispose();
    }
}
