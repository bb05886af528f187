using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.Aws;
using EcrPublish.IntegrationTests.Images;
using EcrPublish.IntegrationTests.Package;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.LocalEcr;
using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// <c>dotnet ecr images copy</c> and <c>images tag</c> (the built tool, as a child process) between two LocalEcr servers
/// acting as two accounts in two regions (111111111111 in us-east-1, 222222222222 in eu-west-1): a multi-arch image with
/// SBOMs, a provenance statement and a signature of an SBOM arrives with the same digests and its referrers; a second copy
/// sends no blob and no manifest (counted in the tool's --debug request log); within one registry blobs are mounted.
/// </summary>
public sealed class ImagesCopyTests : IAsyncLifetime
{
    private const string DestinationHost = "222222222222.dkr.ecr.eu-west-1.amazonaws.com";

    private LocalEcrServer source = null!;
    private LocalEcrServer destination = null!;
    private string repository = null!;

    public async Task InitializeAsync()
    {
        source = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing", AccountId = "111111111111", Region = "us-east-1" });
        destination = await LocalEcrServer.StartAsync(new LocalEcrOptions { AccessKeyId = "testing", SecretAccessKey = "testing", AccountId = "222222222222", Region = "eu-west-1" });
        repository = $"copy/app-{Guid.NewGuid().ToString("N")[..8]}";
        await CreateRepositoryAsync(source, repository);
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await destination.DisposeAsync();
    }

    [Fact]
    public async Task A_multi_arch_image_and_its_referrers_reach_another_account_and_region_with_the_same_digests_and_a_second_copy_sends_nothing()
    {
        using var writer = await RegistryContentWriter.ConnectAsync(source);
        var amd64 = await writer.PushImageAsync(repository, "amd64", layerBytes: 3 * 1024 * 1024);
        var arm64 = await writer.PushImageAsync(repository, "arm64");
        var index = await writer.PushIndexAsync(repository, "v1", amd64, arm64);
        var sbomAmd64 = await writer.PushReferrerAsync(repository, amd64, "application/spdx+json");
        var sbomArm64 = await writer.PushReferrerAsync(repository, arm64, "application/spdx+json");
        var provenance = await writer.PushReferrerAsync(repository, index, "application/vnd.in-toto+json");
        var sbomSignature = await writer.PushReferrerAsync(repository, sbomAmd64, "application/vnd.cncf.notary.signature");
        var target = $"promoted/{repository}";
        var path = $"222222222222.dkr.ecr.eu-west-1/{target}";

        var first = await CopyAsync("--source", $"{repository}:v1", "--destination", $"{DestinationHost}/{target}:v1", "--create-repository");
        var second = await CopyAsync("--debug", "--source", $"{repository}:v1", "--destination", $"{DestinationHost}/{target}:v1");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"created repository {target}", first.StandardOutput, StringComparison.Ordinal);
        foreach (var (descriptor, role) in new[] { (amd64, "image linux/amd64"), (arm64, "image linux/arm64"), (index, "index") })
        {
            Assert.Contains($"copied  {Digest(descriptor)} {role}\n", first.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains($"copied  {Digest(sbomSignature)} referrer application/vnd.cncf.notary.signature of {Digest(sbomAmd64)}\n", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("blobs: 9 streamed (3 MB), 0 mounted, 0 already there\n", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Copied {source.RegistryHost}/{repository}@{Digest(index)} to {destination.RegistryHost}/{path}@{Digest(index)} (tagged v1): 7 manifests (7 copied, 0 already there).", first.StandardOutput, StringComparison.Ordinal);

        using var client = await ClientAsync(destination);
        Assert.Equal(Digest(index), (await client.GetManifestAsync(target, "v1", forPush: false, CancellationToken.None))!.Digest);
        foreach (var descriptor in new[] { amd64, arm64, sbomAmd64, sbomArm64, provenance, sbomSignature })
        {
            Assert.Equal(Digest(descriptor), (await client.GetManifestAsync(target, Digest(descriptor), forPush: false, CancellationToken.None))!.Digest);
        }

        // skopeo (not ours) reads the copied index and a platform image at the destination under the same digests.
        var password = await LocalEcrEnvironment.LoginPasswordAsync(destination);
        foreach (var reference in new[] { $"{path}:v1", $"{path}@{Digest(arm64)}" })
        {
            var raw = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", "--raw", "--tls-verify=false", "--creds", "AWS:" + password, $"docker://{destination.RegistryHost}/{reference}"],
                new Dictionary<string, string?> { ["REGISTRY_AUTH_FILE"] = Path.Combine(TestEnvironment.WorkDirectory, "no-auth.json") })).EnsureSuccess().StandardOutput;
            Assert.Equal(reference.EndsWith(":v1", StringComparison.Ordinal) ? Digest(index) : Digest(arm64), RegistryContentWriter.Digest(Encoding.UTF8.GetBytes(raw)));
        }

        var reader = new ReferrersReader(client);
        Assert.Equal([Digest(sbomAmd64)], (await reader.ListAsync(target, Digest(amd64), null, CancellationToken.None)).Referrers.Select(r => r.Digest));
        Assert.Equal([Digest(sbomArm64)], (await reader.ListAsync(target, Digest(arm64), null, CancellationToken.None)).Referrers.Select(r => r.Digest));
        Assert.Equal([Digest(provenance)], (await reader.ListAsync(target, Digest(index), null, CancellationToken.None)).Referrers.Select(r => r.Digest));
        Assert.Equal([Digest(sbomSignature)], (await reader.ListAsync(target, Digest(sbomAmd64), null, CancellationToken.None)).Referrers.Select(r => r.Digest));

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("blobs: 0 streamed, 0 mounted, 9 already there\n", second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("(tag v1 already set): 7 manifests (0 copied, 7 already there).", second.StandardOutput, StringComparison.Ordinal);
        var requests = second.StandardError.Split('\n').Where(line => line.Contains("Request: ", StringComparison.Ordinal)).ToList();
        var toDestinationRegistry = requests.Where(line => line.Contains($"{destination.RegistryHost}/v2/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(toDestinationRegistry);
        Assert.All(toDestinationRegistry, line => Assert.Matches("Request: (HEAD|GET) ", line));
        Assert.DoesNotContain(requests, line => line.Contains($"{source.RegistryHost}/v2/{repository}/blobs/", StringComparison.Ordinal));
        Assert.Contains(requests, line => line.Contains($"Request: HEAD http://{destination.RegistryHost}/v2/{path}/blobs/", StringComparison.Ordinal));
        Assert.Equal(1, destination.CallCount("CreateRepository"));
    }

    [Fact]
    public async Task A_daemonless_built_image_on_the_real_base_with_its_SBOM_and_provenance_arrives_with_the_same_digests()
    {
        var work = Directory.CreateTempSubdirectory("copy-built-").FullName;
        try
        {
            var password = await LocalEcrEnvironment.LoginPasswordAsync(source);
            using var session = new ImageEngineSession(source.RegistryHost, new StaticCredentialProvider(source.RegistryHost, new RegistryCredential("AWS", password)));
            var image = await session.Builder.BuildAsync(ImageEngineSession.Options(SyntheticPublishFolder.Create(work, 100_000, seed: 3), TestEnvironment.AspNetBaseImage), CancellationToken.None);
            await session.Pusher.PushAsync(image, repository, ["v2"], CancellationToken.None);
            var subject = new EcrPublish.Images.Descriptor(image.MediaType, image.Digest, image.TopManifestBytes.Length);
            var sbom = new ReferrerArtifact("application/spdx+json", "application/spdx+json", Encoding.UTF8.GetBytes("{\"spdxVersion\":\"SPDX-2.3\"}"));
            var provenance = new ReferrerArtifact("application/vnd.in-toto+json", "application/vnd.in-toto+json", Encoding.UTF8.GetBytes("{\"_type\":\"https://in-toto.io/Statement/v1\"}"));
            var attached = await new ArtifactAttacher(session.Client, session.Pool, session.Cache).AttachAsync(repository, subject, [sbom, provenance], CancellationToken.None);

            var copied = await CopyAsync("--source", $"{repository}:v2", "--destination", $"{DestinationHost}/{repository}", "--create-repository");

            Assert.True(copied.ExitCode == 0, copied.Output);
            Assert.Contains($"(tagged v2): 3 manifests (3 copied, 0 already there).", copied.StandardOutput, StringComparison.Ordinal);
            using var client = await ClientAsync(destination);
            Assert.Equal(image.Digest, (await client.GetManifestAsync(repository, "v2", forPush: false, CancellationToken.None))!.Digest);
            var referrers = await new ReferrersReader(client).ListAsync(repository, image.Digest, null, CancellationToken.None);
            Assert.Equal(attached.Referrers.Select(r => r.Digest).Order(StringComparer.Ordinal), referrers.Referrers.Select(r => r.Digest).Order(StringComparer.Ordinal));
            foreach (var layer in image.Images[0].Manifest.Layers)
            {
                Assert.True(await client.BlobExistsAsync(repository, layer.Digest, CancellationToken.None), layer.Digest);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Images_tag_adds_a_tag_to_the_same_digest_as_describe_images_shows_and_a_repeat_changes_nothing()
    {
        using var writer = await RegistryContentWriter.ConnectAsync(source);
        var image = await writer.PushImageAsync(repository, "amd64");
        var index = await writer.PushIndexAsync(repository, "v1", image);

        var tagged = await DotnetEcrAsync(source, "images", "tag", "--repository-name", repository, "--source-tag", "v1", "--tag", "prod");
        var again = await DotnetEcrAsync(source, "images", "tag", "--repository-name", repository, "--source-digest", Digest(index), "--tag", "prod");
        var described = await CliParityRunner.AwsAtAsync(source.Endpoint.ToString(), ["describe-images", "--repository-name", repository, "--image-ids", "imageTag=prod", "--output", "json"]);

        Assert.True(tagged.ExitCode == 0, tagged.Output);
        Assert.Equal($"Tagged {repository}@{Digest(index)} as prod.\n", tagged.StandardOutput);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal($"{repository}:prod already names {Digest(index)}; nothing changed.\n", again.StandardOutput);
        Assert.True(described.ExitCode == 0, described.Output);
        var detail = Assert.Single(JsonNode.Parse(described.StandardOutput)!["imageDetails"]!.AsArray())!;
        Assert.Equal(Digest(index), (string)detail["imageDigest"]!);
        Assert.Equal(["prod", "v1"], detail["imageTags"]!.AsArray().Select(tag => (string)tag!).Order(StringComparer.Ordinal));
        Assert.Equal(RegistryContentWriter.OciIndex, (string)detail["imageManifestMediaType"]!);
    }

    [Fact]
    public async Task An_immutable_tag_on_another_image_and_a_missing_destination_repository_are_coded_errors()
    {
        var immutable = $"copy/immutable-{Guid.NewGuid().ToString("N")[..8]}";
        await CreateRepositoryAsync(source, immutable, "IMMUTABLE");
        using var writer = await RegistryContentWriter.ConnectAsync(source);
        var first = await writer.PushIndexAsync(immutable, "v1", await writer.PushImageAsync(immutable, "amd64"));
        await writer.PushIndexAsync(immutable, "v2", await writer.PushImageAsync(immutable, "arm64"));
        await writer.PushIndexAsync(repository, "v3", await writer.PushImageAsync(repository, "amd64"));

        var retag = await DotnetEcrAsync(source, "images", "tag", "--repository-name", immutable, "--source-tag", "v1", "--tag", "v2");
        var sameTag = await DotnetEcrAsync(source, "images", "tag", "--repository-name", immutable, "--source-tag", "v1", "--tag", "v1");
        var copyOnto = await DotnetEcrAsync(source, "images", "copy", "--source", $"{repository}:v3", "--destination", $"{immutable}:v2");
        var missing = await CopyAsync("--source", $"{repository}:v3", "--destination", $"{DestinationHost}/nowhere/{repository}:v3");
        var badSource = await DotnetEcrAsync(source, "images", "copy", "--source", "ghcr.io/owner/app:v1", "--destination", "app:v1");

        Assert.Equal(255, retag.ExitCode);
        Assert.Contains("ECR7034: the tag 'v2' of " + immutable + " is immutable", retag.StandardError, StringComparison.Ordinal);
        Assert.True(sameTag.ExitCode == 0, sameTag.Output);
        Assert.Contains($"already names {Digest(first)}", sameTag.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(255, copyOnto.ExitCode);
        Assert.Contains($"ECR7034: The tag 'v2' of {source.RegistryHost}/{immutable} is immutable", copyOnto.StandardError, StringComparison.Ordinal);
        Assert.Equal(253, missing.ExitCode);
        Assert.Contains($"ECR7033: the destination repository 'nowhere/{repository}' does not exist", missing.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, destination.CallCount("CreateRepository"));
        Assert.Equal(252, badSource.ExitCode);
        Assert.Contains("ECR7030: --source 'ghcr.io/owner/app:v1': 'ghcr.io' is not an Amazon ECR registry", badSource.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Within_one_registry_blobs_are_mounted_once_blob_mounting_is_enabled_and_a_digest_source_keeps_its_digest()
    {
        using var writer = await RegistryContentWriter.ConnectAsync(source);
        var image = await writer.PushImageAsync(repository, "amd64");
        var sbom = await writer.PushReferrerAsync(repository, image, "application/spdx+json");

        // ECR mounts only with the account setting BLOB_MOUNTING=ENABLED; without it the POST opens a session, used to stream.
        var streamed = await DotnetEcrAsync(source, "images", "copy", "--source", $"{repository}@{Digest(image)}", "--destination", $"{repository}-staging:release", "--create-repository");
        (await DotnetEcrAsync(source, "put-account-setting", "--name", "BLOB_MOUNTING", "--value", "ENABLED")).EnsureSuccess();
        var mounted = await DotnetEcrAsync(source, "images", "copy", "--source", $"{repository}@{Digest(image)}", "--destination", $"{repository}-prod:release", "--create-repository");

        Assert.True(streamed.StandardOutput.Contains("blobs: 4 streamed (0.7 KB), 0 mounted, 0 already there\n", StringComparison.Ordinal), streamed.Output);
        Assert.True(mounted.StandardOutput.Contains("blobs: 0 streamed, 4 mounted, 0 already there\n", StringComparison.Ordinal), mounted.Output);
        Assert.Contains($"copied  {Digest(sbom)} referrer application/spdx+json of {Digest(image)}\n", mounted.StandardOutput, StringComparison.Ordinal);
        using var client = await ClientAsync(source);
        Assert.Equal(Digest(image), (await client.GetManifestAsync($"{repository}-prod", "release", forPush: false, CancellationToken.None))!.Digest);
        Assert.Equal([Digest(sbom)], (await new ReferrersReader(client).ListAsync($"{repository}-prod", Digest(image), null, CancellationToken.None)).Referrers.Select(r => r.Digest));
    }

    [Fact]
    public async Task On_one_LocalEcr_another_account_and_region_is_its_own_registry_under_the_path_prefix()
    {
        using var writer = await RegistryContentWriter.ConnectAsync(source);
        var index = await writer.PushIndexAsync(repository, "v1", await writer.PushImageAsync(repository, "amd64"));

        var copied = await DotnetEcrAsync(source, "images", "copy", "--source", $"{repository}:v1", "--destination", $"210987654321.dkr.ecr.us-west-2.amazonaws.com/{repository}", "--create-repository");
        var listed = await CliParityRunner.AwsAtAsync(source.Endpoint.ToString(), ["describe-images", "--repository-name", repository, "--region", "us-west-2", "--registry-id", "210987654321", "--output", "json"]);

        Assert.True(copied.ExitCode == 0, copied.Output);
        Assert.Contains($"to {source.RegistryHost}/210987654321.dkr.ecr.us-west-2/{repository}@{Digest(index)} (tagged v1)", copied.StandardOutput, StringComparison.Ordinal);
        Assert.True(listed.ExitCode == 0, listed.Output);
        var images = JsonNode.Parse(listed.StandardOutput)!["imageDetails"]!.AsArray();
        Assert.Equal(["v1"], images.Single(image => (string)image!["imageDigest"]! == Digest(index))!["imageTags"]!.AsArray().Select(tag => (string)tag!));
        Assert.Equal("210987654321", (string)images[0]!["registryId"]!);
    }

    private Task<ProcessResult> CopyAsync(params string[] options) =>
        DotnetEcrAsync(source, ["images", "copy", "--destination-endpoint-url", destination.Endpoint.ToString(), .. options]);

    private static Task<ProcessResult> DotnetEcrAsync(LocalEcrServer localEcr, params string[] words) =>
        CliParityRunner.DotnetEcrAtAsync(localEcr.Endpoint.ToString(), words);

    private static string Digest(JsonObject descriptor) => (string)descriptor["digest"]!;

    private static async Task<RegistryClient> ClientAsync(LocalEcrServer localEcr)
    {
        var password = await LocalEcrEnvironment.LoginPasswordAsync(localEcr);
        return new RegistryClient(localEcr.RegistryHost, new StaticCredentialProvider(localEcr.RegistryHost, new RegistryCredential("AWS", password)));
    }

    private static async Task CreateRepositoryAsync(LocalEcrServer localEcr, string name, string mutability = "MUTABLE")
    {
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = localEcr.Options.Region,
            ServiceUrl = localEcr.Endpoint,
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        });
        (await ecr.InvokeAsync("CreateRepository", Encoding.UTF8.GetBytes($$"""{"repositoryName":"{{name}}","imageTagMutability":"{{mutability}}"}"""))).Dispose();
    }
}
