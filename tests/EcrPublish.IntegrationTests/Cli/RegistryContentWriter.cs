using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr;
using EcrPublish.IntegrationTests.Package;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// Pushes small images, indexes and referrers to an in-process LocalEcr through the distribution API (Basic auth with
/// the ECR password), so that tests get multi-arch images and OCI referrers in seconds instead of a real publish.
/// </summary>
internal sealed class RegistryContentWriter : IDisposable
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    private readonly HttpClient _http;

    private RegistryContentWriter(HttpClient http) => _http = http;

    public static async Task<RegistryContentWriter> ConnectAsync(LocalEcrServer localEcr)
    {
        var password = await LocalEcrEnvironment.LoginPasswordAsync(localEcr);
        var http = new HttpClient { BaseAddress = localEcr.Endpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password)));
        return new RegistryContentWriter(http);
    }

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A one-layer image for <paramref name="architecture"/> (a random layer of <paramref name="layerBytes"/>), pushed by digest; returns its descriptor.</summary>
    public async Task<JsonObject> PushImageAsync(string repository, string architecture, int layerBytes = 512)
    {
        var config = Encoding.UTF8.GetBytes($$"""{"architecture":"{{architecture}}","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"created":"{{Guid.NewGuid()}}"}""");
        var layer = RandomNumberGenerator.GetBytes(layerBytes);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = await PushBlobAsync(repository, config, "application/vnd.oci.image.config.v1+json"),
            ["layers"] = new JsonArray(await PushBlobAsync(repository, layer, "application/vnd.oci.image.layer.v1.tar+gzip")),
        };
        var descriptor = await PutManifestAsync(repository, manifest, OciManifest, reference: null);
        descriptor["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = architecture };
        return descriptor;
    }

    /// <summary>An index of <paramref name="images"/> under <paramref name="tag"/>.</summary>
    public Task<JsonObject> PushIndexAsync(string repository, string tag, params JsonObject[] images) =>
        PutManifestAsync(repository, new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = OciIndex, ["manifests"] = new JsonArray([.. images.Select(image => (JsonNode)image.DeepClone())]) }, OciIndex, tag);

    /// <summary>An OCI artifact (e.g. a signature) whose subject is <paramref name="subject"/>, pushed by digest.</summary>
    public Task<JsonObject> PushReferrerAsync(string repository, JsonObject subject, string artifactType) =>
        PushReferrerAsync(repository, subject, artifactType, RandomNumberGenerator.GetBytes(64), "application/octet-stream");

    /// <summary>
    /// An OCI artifact with <paramref name="document"/> as its one layer, whose subject is <paramref name="subject"/>;
    /// <paramref name="declaredSize"/> makes the layer descriptor lie about the document's size.
    /// </summary>
    public async Task<JsonObject> PushReferrerAsync(string repository, JsonObject subject, string artifactType, byte[] document, string documentMediaType, long? declaredSize = null)
    {
        var layer = await PushBlobAsync(repository, document, documentMediaType);
        layer["size"] = declaredSize ?? document.Length;
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["artifactType"] = artifactType,
            ["config"] = await PushBlobAsync(repository, "{}"u8.ToArray(), "application/vnd.oci.empty.v1+json"),
            ["layers"] = new JsonArray(layer),
            ["subject"] = new JsonObject { ["mediaType"] = subject["mediaType"]!.DeepClone(), ["digest"] = subject["digest"]!.DeepClone(), ["size"] = subject["size"]!.DeepClone() },
        };
        return await PutManifestAsync(repository, manifest, OciManifest, reference: null);
    }

    private async Task<JsonObject> PushBlobAsync(string repository, byte[] content, string mediaType)
    {
        var digest = Digest(content);
        using var upload = new ByteArrayContent(content);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.PostAsync($"/v2/{repository}/blobs/uploads/?digest={digest}", upload);
        Assert.True((int)response.StatusCode == 201, $"blob upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = content.Length };
    }

    private async Task<JsonObject> PutManifestAsync(string repository, JsonObject manifest, string mediaType, string? reference)
    {
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var digest = Digest(bytes);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _http.PutAsync($"/v2/{repository}/manifests/{reference ?? digest}", content);
        Assert.True((int)response.StatusCode == 201, $"manifest PUT: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = bytes.Length };
    }

    public void Dispose() => _http.Dispose();
}
