using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>Raw distribution-API calls with Basic auth, for the registry behaviours no off-the-shelf client exposes.</summary>
internal sealed class RegistryTestClient : IDisposable
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    private readonly HttpClient http;

    public RegistryTestClient(Uri endpoint, string? password)
    {
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };
        if (password is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)));
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[]? body = null, string? contentType = null, string? contentRange = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/octet-stream");
            if (contentRange is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
            }
        }

        return await http.SendAsync(request);
    }

    /// <summary>POST + PATCH (whole blob) + PUT, the way docker uploads; returns the digest.</summary>
    public async Task<string> PushBlobAsync(string repository, byte[] content)
    {
        var digest = Digest(content);
        using var start = await SendAsync(HttpMethod.Post, $"/v2/{repository}/blobs/uploads/");
        Assert.Equal(202, (int)start.StatusCode);
        var location = start.Headers.Location!.ToString();
        using var patch = await SendAsync(HttpMethod.Patch, location, content);
        Assert.Equal(201, (int)patch.StatusCode);
        using var put = await SendAsync(HttpMethod.Put, $"{location}?digest={digest}");
        Assert.Equal(201, (int)put.StatusCode);
        return digest;
    }

    /// <summary>Pushes random layers and a config, then the OCI manifest under <paramref name="reference"/>; returns its digest and bytes.</summary>
    public async Task<(string Digest, byte[] Manifest)> PushImageAsync(string repository, string reference, int layers = 2, JsonObject? subject = null, string? artifactType = null)
    {
        var manifest = await UploadImageContentAsync(repository, layers, subject, artifactType);
        using var response = await SendAsync(HttpMethod.Put, $"/v2/{repository}/manifests/{reference}", manifest, OciManifest);
        Assert.True((int)response.StatusCode == 201, $"manifest PUT: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (Digest(manifest), manifest);
    }

    /// <summary>Uploads random layers and a config and returns a manifest that references them (not pushed).</summary>
    public async Task<byte[]> UploadImageContentAsync(string repository, int layers = 2, JsonObject? subject = null, string? artifactType = null)
    {
        var layerDescriptors = new JsonArray();
        for (var i = 0; i < layers; i++)
        {
            var layer = RandomNumberGenerator.GetBytes(1024 + i);
            layerDescriptors.Add(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip",
                ["digest"] = await PushBlobAsync(repository, layer),
                ["size"] = layer.Length,
            });
        }

        var config = Encoding.UTF8.GetBytes($$"""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"{{Guid.NewGuid()}}"}""");
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.config.v1+json",
                ["digest"] = await PushBlobAsync(repository, config),
                ["size"] = config.Length,
            },
            ["layers"] = layerDescriptors,
        };
        if (subject is not null)
        {
            manifest["subject"] = subject;
        }

        if (artifactType is not null)
        {
            manifest["artifactType"] = artifactType;
        }

        return Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    public void Dispose() => http.Dispose();
}
