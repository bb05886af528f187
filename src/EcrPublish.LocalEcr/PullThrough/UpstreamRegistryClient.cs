using System.Net;
using System.Net.Http.Headers;

namespace EcrPublish.LocalEcr.PullThrough;

/// <summary>
/// Reads manifests and blobs from a loopback upstream registry over plain HTTP, anonymously (LocalEcr has no Secrets
/// Manager to read a rule's credential from). Never goes through a proxy and never leaves 127.0.0.1.
/// </summary>
internal static class UpstreamRegistryClient
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    private static readonly string[] ManifestMediaTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    /// <summary>Whether the upstream answers the registry API's base endpoint (200, or 401 asking for credentials).</summary>
    public static async Task<(bool Reachable, string? Failure)> ProbeAsync(string upstream, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(Base(upstream) + "/v2/", cancellationToken);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized
                ? (true, null)
                : (false, $"The upstream registry answered {(int)response.StatusCode} to /v2/");
        }
        catch (HttpRequestException error)
        {
            return (false, $"The upstream registry cannot be reached: {error.Message}");
        }
    }

    /// <summary>The manifest bytes and media type, or null when the upstream does not have it.</summary>
    public static async Task<(byte[] Content, string MediaType)?> GetManifestAsync(string upstream, string repository, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base(upstream)}/v2/{repository}/manifests/{reference}");
        foreach (var mediaType in ManifestMediaTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        using var response = await Http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Ensure(response, "manifest", reference);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (content, response.Content.Headers.ContentType?.MediaType ?? string.Empty);
    }

    /// <summary>Opens the blob's content; the caller verifies its digest.</summary>
    public static async Task<HttpResponseMessage> GetBlobAsync(string upstream, string repository, string digest, CancellationToken cancellationToken)
    {
        var response = await Http.GetAsync($"{Base(upstream)}/v2/{repository}/blobs/{digest}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            Ensure(response, "blob", digest);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static void Ensure(HttpResponseMessage response, string what, string reference)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The upstream registry answered {(int)response.StatusCode} for the {what} {reference}");
        }
    }

    private static string Base(string upstream) => "http://" + upstream;
}
