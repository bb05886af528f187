using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// ECR's layer API (InitiateLayerUpload … GetDownloadUrlForLayer) against LocalEcr over signed HTTP: an image pushed
/// with it alone, its layers served by the pre-signed URL without credentials, and every documented error.
/// </summary>
public sealed class LayerApiTests : IAsyncLifetime
{
    private const int MinimumPart = 1024;
    private string data = null!;
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync()
    {
        data = Path.Combine(TestEnvironment.WorkDirectory, "layer-api-" + Guid.NewGuid().ToString("N"));
        ecr = await StartAsync();
        await ecr.CreateRepositoryAsync("legacy/app");
    }

    public async Task DisposeAsync()
    {
        await ecr.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task An_image_pushed_with_the_layer_api_is_downloadable_by_its_signed_url_and_survives_a_restart()
    {
        var layer = RandomNumberGenerator.GetBytes(MinimumPart * 3 + 17);
        var layerDigest = RegistryTestClient.Digest(layer);
        var missing = await CheckAsync(layerDigest);
        Assert.Equal("""[{"layerDigest":"LAYER","failureCode":"MissingLayerDigest","failureReason":"Could not find layer"}]""", missing["failures"]!.ToJsonString().Replace(layerDigest, "LAYER", StringComparison.Ordinal));

        var uploadId = await InitiateAsync();
        var first = await PartAsync(uploadId, layer, 0, MinimumPart * 2);
        Assert.Equal(MinimumPart * 2 - 1, first["lastByteReceived"]!.GetValue<long>());
        await PartAsync(uploadId, layer, MinimumPart * 2, layer.Length - MinimumPart * 2);
        var completed = (await CompleteAsync(uploadId, "sha256:" + new string('0', 64), layerDigest)).Ok();
        Assert.Equal(layerDigest, completed["layerDigest"]!.GetValue<string>());

        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""");
        var configId = await InitiateAsync();
        await PartAsync(configId, config, 0, config.Length);
        (await CompleteAsync(configId, RegistryTestClient.Digest(config))).Ok();
        var available = await CheckAsync(layerDigest);
        Assert.Equal($$"""[{"layerDigest":"{{layerDigest}}","layerAvailability":"AVAILABLE","layerSize":{{layer.Length}}}]""", available["layers"]!.ToJsonString());

        (await ecr.Ecr.CallAsync("PutImage", new JsonObject
        {
            ["repositoryName"] = "legacy/app",
            ["imageTag"] = "v1",
            ["imageManifest"] = Manifest(config, layer),
        })).Ok();
        Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", (await CheckAsync(layerDigest))["layers"]![0]!["mediaType"]!.GetValue<string>());
        var url = await DownloadUrlAsync(layerDigest);
        Assert.StartsWith($"{ecr.Server.Endpoint.GetLeftPart(UriPartial.Authority)}/_localecr/layers/", url, StringComparison.Ordinal);
        Assert.Equal(layerDigest, await DigestOfDownloadAsync(url));

        await ecr.DisposeAsync();
        ecr = await StartAsync();

        // The same secret signs after a restart; only the port is the new server's.
        Assert.Equal(layerDigest, await DigestOfDownloadAsync(ecr.Server.Endpoint.GetLeftPart(UriPartial.Authority) + new Uri(url).PathAndQuery));
        Assert.Equal("AVAILABLE", (await CheckAsync(layerDigest))["layers"]![0]!["layerAvailability"]!.GetValue<string>());
        using var registry = await ecr.RegistryAsync();
        using var viaRegistry = await registry.SendAsync(HttpMethod.Get, $"/v2/legacy/app/blobs/{layerDigest}");
        Assert.Equal(layer, await viaRegistry.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_download_url_that_is_altered_or_expired_is_refused()
    {
        using var registry = await ecr.RegistryAsync();
        var (_, manifest) = await registry.PushImageAsync("legacy/app", "v1", layers: 1);
        var layerDigest = JsonNode.Parse(manifest)!["layers"]![0]!["digest"]!.GetValue<string>();
        var url = await DownloadUrlAsync(layerDigest);
        using var http = new HttpClient();

        var forged = url[..^4] + (url.EndsWith("0000", StringComparison.Ordinal) ? "1111" : "0000");
        using (var response = await http.GetAsync(forged))
        {
            Assert.Equal(403, (int)response.StatusCode);
            Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var otherBlob = JsonNode.Parse(manifest)!["config"]!["digest"]!.GetValue<string>();
        using (var response = await http.GetAsync(url.Replace(layerDigest, otherBlob, StringComparison.Ordinal)))
        {
            Assert.Equal(403, (int)response.StatusCode);
        }

        ecr.Clock.Offset = TimeSpan.FromHours(1);
        using (var response = await http.GetAsync(url))
        {
            Assert.Equal(403, (int)response.StatusCode);
            Assert.Contains("<Message>Request has expired</Message>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_part_whose_request_is_over_the_usual_body_limit_is_taken_and_one_over_20_MiB_is_refused()
    {
        var uploadId = await InitiateAsync();

        // 8 MiB is over 10 MiB in base64, the body limit of every other operation.
        var part = RandomNumberGenerator.GetBytes(8 * 1024 * 1024);
        Assert.Equal(part.Length - 1, (await PartAsync(uploadId, part, 0, part.Length))["lastByteReceived"]!.GetValue<long>());
        var tooLarge = await SendPartAsync(uploadId, new byte[(20 * 1024 * 1024) + 1], part.Length, part.Length + (20 * 1024 * 1024));
        Assert.Equal("InvalidParameterException", tooLarge.ErrorType);
        (await CompleteAsync(uploadId, RegistryTestClient.Digest(part))).Ok();
    }

    [Fact]
    public async Task Parts_must_be_contiguous_and_match_their_range()
    {
        var uploadId = await InitiateAsync();
        var bytes = RandomNumberGenerator.GetBytes(MinimumPart * 2);
        await PartAsync(uploadId, bytes, 0, MinimumPart);

        var gap = await SendPartAsync(uploadId, bytes[MinimumPart..], MinimumPart + 1, bytes.Length);
        Assert.Equal("InvalidLayerPartException", gap.ErrorType);
        Assert.Equal(MinimumPart - 1, gap.Body!["lastValidByteReceived"]!.GetValue<long>());
        Assert.Equal(uploadId, gap.Body!["uploadId"]!.GetValue<string>());
        Assert.Equal("legacy/app", gap.Body!["repositoryName"]!.GetValue<string>());
        Assert.Equal("123456789012", gap.Body!["registryId"]!.GetValue<string>());

        var wrongLength = await SendPartAsync(uploadId, bytes[MinimumPart..], MinimumPart, bytes.Length + 5);
        Assert.Equal("InvalidLayerPartException", wrongLength.ErrorType);
        await PartAsync(uploadId, bytes, MinimumPart, MinimumPart);
        (await CompleteAsync(uploadId, RegistryTestClient.Digest(bytes))).Ok();
    }

    [Fact]
    public async Task Completing_reports_empty_small_mismatched_and_existing_layers()
    {
        var empty = await InitiateAsync();
        Assert.Equal("EmptyUploadException", (await CompleteAsync(empty, "sha256:" + new string('a', 64))).ErrorType);

        var small = await InitiateAsync();
        var bytes = RandomNumberGenerator.GetBytes(MinimumPart + 10);
        await PartAsync(small, bytes, 0, 10);
        await PartAsync(small, bytes, 10, MinimumPart);
        Assert.Equal("LayerPartTooSmallException", (await CompleteAsync(small, RegistryTestClient.Digest(bytes))).ErrorType);

        var mismatched = await InitiateAsync();
        await PartAsync(mismatched, bytes, 0, bytes.Length);
        var invalid = await CompleteAsync(mismatched, "sha256:" + new string('b', 64));
        Assert.Equal("InvalidLayerException", invalid.ErrorType);
        Assert.Contains(RegistryTestClient.Digest(bytes), invalid.Message, StringComparison.Ordinal);

        var stored = await InitiateAsync();
        await PartAsync(stored, bytes, 0, bytes.Length);
        (await CompleteAsync(stored, RegistryTestClient.Digest(bytes))).Ok();
        var again = await InitiateAsync();
        await PartAsync(again, bytes, 0, bytes.Length);
        Assert.Equal("LayerAlreadyExistsException", (await CompleteAsync(again, RegistryTestClient.Digest(bytes))).ErrorType);
    }

    [Fact]
    public async Task Unknown_expired_and_foreign_uploads_are_not_found()
    {
        await ecr.CreateRepositoryAsync("legacy/other");
        var uploadId = await InitiateAsync();
        var part = Encoding.UTF8.GetBytes("part");
        var foreign = await ecr.Ecr.CallAsync("UploadLayerPart", PartRequest(uploadId, part, 0, "legacy/other"));
        Assert.Equal("UploadNotFoundException", foreign.ErrorType);
        Assert.Equal("UploadNotFoundException", (await SendPartAsync(Guid.NewGuid().ToString("D"), part, 0, part.Length)).ErrorType);
        Assert.Equal("RepositoryNotFoundException", (await ecr.Ecr.CallAsync("InitiateLayerUpload", """{"repositoryName":"legacy/absent"}""")).ErrorType);

        ecr.Clock.Offset = ecr.Server.Options.UploadSessionLifetime;
        Assert.Equal("UploadNotFoundException", (await SendPartAsync(uploadId, part, 0, part.Length)).ErrorType);
    }

    [Fact]
    public async Task Download_urls_are_only_for_layers_an_image_references()
    {
        using var registry = await ecr.RegistryAsync();
        var loose = await registry.PushBlobAsync("legacy/app", RandomNumberGenerator.GetBytes(100));
        var inaccessible = await ecr.Ecr.CallAsync("GetDownloadUrlForLayer", $$"""{"repositoryName":"legacy/app","layerDigest":"{{loose}}"}""");
        Assert.Equal("LayerInaccessibleException", inaccessible.ErrorType);
        var absent = await ecr.Ecr.CallAsync("GetDownloadUrlForLayer", $$"""{"repositoryName":"legacy/app","layerDigest":"sha256:{{new string('c', 64)}}"}""");
        Assert.Equal("LayersNotFoundException", absent.ErrorType);
        var invalid = await CheckAsync("not-a-digest");
        Assert.Equal("InvalidLayerDigest", invalid["failures"]![0]!["failureCode"]!.GetValue<string>());
    }

    // Sessions expire after ten minutes, so a clock moved past that stays within SigV4's 15-minute skew.
    private Task<LocalEcrHarness> StartAsync() => LocalEcrHarness.StartAsync(data, options =>
    {
        options.MinimumLayerPartSize = MinimumPart;
        options.UploadSessionLifetime = TimeSpan.FromMinutes(10);
    });

    private async Task<string> InitiateAsync()
    {
        var started = (await ecr.Ecr.CallAsync("InitiateLayerUpload", """{"repositoryName":"legacy/app"}""")).Ok();
        Assert.Equal(10485760, started["partSize"]!.GetValue<long>());
        return started["uploadId"]!.GetValue<string>();
    }

    private async Task<JsonNode> PartAsync(string uploadId, byte[] layer, int offset, int count) =>
        (await SendPartAsync(uploadId, layer.AsSpan(offset, count).ToArray(), offset, offset + count - 1)).Ok();

    private Task<EcrResponse> SendPartAsync(string uploadId, byte[] part, long first, long last) =>
        ecr.Ecr.CallAsync("UploadLayerPart", PartRequest(uploadId, part, first, "legacy/app", last));

    private static JsonObject PartRequest(string uploadId, byte[] part, long first, string repository, long? last = null) => new()
    {
        ["repositoryName"] = repository,
        ["uploadId"] = uploadId,
        ["partFirstByte"] = first,
        ["partLastByte"] = last ?? first + part.Length - 1,
        ["layerPartBlob"] = Convert.ToBase64String(part),
    };

    private Task<EcrResponse> CompleteAsync(string uploadId, params string[] digests) =>
        ecr.Ecr.CallAsync("CompleteLayerUpload", new JsonObject
        {
            ["repositoryName"] = "legacy/app",
            ["uploadId"] = uploadId,
            ["layerDigests"] = new JsonArray(digests.Select(digest => (JsonNode)digest).ToArray()),
        });

    private async Task<JsonNode> CheckAsync(string digest) =>
        (await ecr.Ecr.CallAsync("BatchCheckLayerAvailability", $$"""{"repositoryName":"legacy/app","layerDigests":["{{digest}}"]}""")).Ok();

    private async Task<string> DownloadUrlAsync(string digest)
    {
        var answer = (await ecr.Ecr.CallAsync("GetDownloadUrlForLayer", $$"""{"repositoryName":"legacy/app","layerDigest":"{{digest}}"}""")).Ok();
        Assert.Equal(digest, answer["layerDigest"]!.GetValue<string>());
        return answer["downloadUrl"]!.GetValue<string>();
    }

    private static async Task<string> DigestOfDownloadAsync(string url)
    {
        // No credentials at all: the URL's signature is the authorization, as with ECR's pre-signed S3 URLs.
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        Assert.Equal(200, (int)response.StatusCode);
        return RegistryTestClient.Digest(await response.Content.ReadAsByteArrayAsync());
    }

    private static string Manifest(byte[] config, byte[] layer) => new JsonObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = RegistryTestClient.OciManifest,
        ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = RegistryTestClient.Digest(config), ["size"] = config.Length },
        ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = RegistryTestClient.Digest(layer), ["size"] = layer.Length }),
    }.ToJsonString();
}
