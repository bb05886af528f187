using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// The layer API, account settings and image storage classes through the AWS CLI and dotnet ecr against LocalEcr:
/// the same commands print the same bytes. moto 5 has none of these operations (its layer API answers "not yet
/// implemented"), so LocalEcr is the only server both sides can be compared on.
/// </summary>
public sealed class LocalEcrLayerApiParityTests
{
    // The installed v2 (2.9) already has the layer API; it lacks the account-setting and storage-class commands, which are v1 only below.
    [Theory]
    [InlineData(AwsCliVersion.V1)]
    [InlineData(AwsCliVersion.V2)]
    public async Task Layer_api_push_and_download_url_print_what_the_aws_cli_prints(AwsCliVersion cli)
    {
        await using var server = await StartAsync();
        var run = new CliParityRunner("layers", server.Endpoint.GetLeftPart(UriPartial.Authority), cli);
        var layer = RandomNumberGenerator.GetBytes(3000);
        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""");
        var layerDigest = Digest(layer);

        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/legacy");
        await run.AssertSameAsync("batch-check-layer-availability", "--repository-name", "REPO/legacy", "--layer-digests", layerDigest, "not-a-digest");
        var upload = await InitiateAsync(run, "REPO/legacy");
        await run.AssertSameAsync(upload, "upload-layer-part", "--repository-name", "REPO/legacy", "--upload-id", "UPLOAD",
            "--part-first-byte", "0", "--part-last-byte", "2999", "--layer-part-blob", BinaryFile(layer));
        await run.AssertSameAsync(upload, "upload-layer-part", "--repository-name", "REPO/legacy", "--upload-id", "UPLOAD",
            "--part-first-byte", "3001", "--part-last-byte", "5999", "--layer-part-blob", BinaryFile(layer));
        await run.AssertSameAsync(upload, "complete-layer-upload", "--repository-name", "REPO/legacy", "--upload-id", "UPLOAD", "--layer-digests", layerDigest);
        await run.AssertSameAsync(upload, "complete-layer-upload", "--repository-name", "REPO/legacy", "--upload-id", "UPLOAD", "--layer-digests", layerDigest);
        var empty = await InitiateAsync(run, "REPO/legacy");
        await run.AssertSameAsync(empty, "complete-layer-upload", "--repository-name", "REPO/legacy", "--upload-id", "UPLOAD", "--layer-digests", layerDigest);
        await PushLayerAsync(run, "REPO/legacy", config);
        await run.AssertSameAsync("put-image", "--repository-name", "REPO/legacy", "--image-tag", "v1",
            "--image-manifest", CheatSheetFiles.Write("manifest.json", Manifest(config, layer)));
        await run.AssertSameAsync("batch-check-layer-availability", "--repository-name", "REPO/legacy", "--layer-digests", layerDigest, "--output", "table");
        await run.AssertSameAsync("get-download-url-for-layer", "--repository-name", "REPO/legacy", "--layer-digest", "sha256:" + new string('0', 64));

        var (aws, net) = await run.RunBothAsync(new Dictionary<string, (string Aws, string Net)>(), "get-download-url-for-layer", "--repository-name", "REPO/legacy", "--layer-digest", layerDigest);
        var urls = new Dictionary<string, (string Aws, string Net)> { ["URL"] = (UrlIn(aws.StandardOutput), UrlIn(net.StandardOutput)) };
        run.AssertSame(aws, net, urls, "get-download-url-for-layer");

        // Each side's URL serves the layer to a client without credentials, as a pre-signed S3 URL does.
        using var http = new HttpClient();
        Assert.Equal(layer, await http.GetByteArrayAsync(urls["URL"].Aws));
        Assert.Equal(layer, await http.GetByteArrayAsync(urls["URL"].Net));
    }

    [Fact]
    public async Task Account_settings_and_storage_classes_print_what_the_aws_cli_v1_prints()
    {
        await using var server = await StartAsync();
        var endpoint = server.Endpoint.GetLeftPart(UriPartial.Authority);
        var run = new CliParityRunner("archive", endpoint, AwsCliVersion.V1);

        await run.AssertSameAsync("get-account-setting", "--name", "BLOB_MOUNTING");
        await run.AssertSameAsync("put-account-setting", "--name", "BLOB_MOUNTING", "--value", "ENABLED");
        await run.AssertSameAsync("get-account-setting", "--name", "BLOB_MOUNTING", "--output", "text");
        await run.AssertSameAsync("get-account-setting", "--name", "BASIC_SCAN_TYPE_VERSION", "--output", "table");
        await run.AssertSameAsync("put-account-setting", "--name", "REGISTRY_POLICY_SCOPE", "--value", "V3");
        await run.AssertSameAsync("get-account-setting", "--name", "NOT_A_SETTING");

        await run.AssertSameAsync("create-repository", "--repository-name", "REPO/cold");
        await PushLayerAsync(run, "REPO/cold", "{}"u8.ToArray());
        await run.AssertSameAsync("put-image", "--repository-name", "REPO/cold", "--image-tag", "v1", "--image-manifest", CheatSheetFiles.Write("manifest.json", EmptyManifest));
        await run.AssertSameAsync("update-image-storage-class", "--repository-name", "REPO/cold", "--image-id", "imageTag=v1", "--target-storage-class", "ARCHIVE");
        await run.AssertSameAsync("update-image-storage-class", "--repository-name", "REPO/cold", "--image-id", "imageTag=v1", "--target-storage-class", "ARCHIVE");
        await run.AssertSameAsync("update-image-storage-class", "--repository-name", "REPO/cold", "--image-id", "imageTag=v1", "--target-storage-class", "GLACIER");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/cold");
        await run.AssertSameAsync("describe-images", "--repository-name", "REPO/cold", "--filter", "imageStatus=ARCHIVED");
        await run.AssertSameAsync("list-images", "--repository-name", "REPO/cold", "--filter", "imageStatus=ANY", "--output", "text");
        await run.AssertSameAsync("batch-get-image", "--repository-name", "REPO/cold", "--image-ids", "imageTag=v1");
        await run.AssertSameAsync("update-image-storage-class", "--repository-name", "REPO/cold", "--image-id", "imageTag=v1", "--target-storage-class", "STANDARD");
        var activating = await run.AssertSameAsync("describe-images", "--repository-name", "REPO/cold", "--filter", "imageStatus=ACTIVATING", "--output", "table");

        Assert.Contains("ACTIVATING", activating.StandardOutput, StringComparison.Ordinal);
    }

    // An image of no layers whose config is the OCI empty descriptor, "{}".
    private const string EmptyManifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}""";

    private static async Task<LocalEcrServer> StartAsync()
    {
        // A restore that outlasts the test, so both sides see ACTIVATING whatever the machine's speed.
        var server = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing", ImageRestoreDuration = TimeSpan.FromHours(1) });
        return server;
    }

    /// <summary>Uploads <paramref name="content"/> in one part with the layer API on both sides, comparing every step.</summary>
    private static async Task PushLayerAsync(CliParityRunner run, string repository, byte[] content)
    {
        var upload = await InitiateAsync(run, repository);
        await run.AssertSameAsync(upload, "upload-layer-part", "--repository-name", repository, "--upload-id", "UPLOAD",
            "--part-first-byte", "0", "--part-last-byte", (content.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--layer-part-blob", BinaryFile(content));
        await run.AssertSameAsync(upload, "complete-layer-upload", "--repository-name", repository, "--upload-id", "UPLOAD", "--layer-digests", Digest(content));
    }

    private static async Task<Dictionary<string, (string Aws, string Net)>> InitiateAsync(CliParityRunner run, string repository)
    {
        var (aws, net) = await run.RunBothAsync(new Dictionary<string, (string Aws, string Net)>(), "initiate-layer-upload", "--repository-name", repository);
        var ids = new Dictionary<string, (string Aws, string Net)> { ["UPLOAD"] = (UploadIdIn(aws.StandardOutput), UploadIdIn(net.StandardOutput)) };
        run.AssertSame(aws, net, ids, "initiate-layer-upload");
        return ids;
    }

    private static string UploadIdIn(string output) => JsonNode.Parse(output)!["uploadId"]!.GetValue<string>();

    private static string UrlIn(string output) => JsonNode.Parse(output)!["downloadUrl"]!.GetValue<string>();

    private static string BinaryFile(byte[] content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ecr-cli-parity-").FullName, "part.bin");
        File.WriteAllBytes(path, content);
        return "fileb://" + path;
    }

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    private static string Manifest(byte[] config, byte[] layer) =>
        $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{Digest(config)}}","size":{{config.Length}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{Digest(layer)}}","size":{{layer.Length}}}]}""";
}
