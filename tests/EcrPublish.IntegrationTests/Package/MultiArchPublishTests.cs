using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// ContainerRuntimeIdentifiers through 'dotnet publish': one self-contained image per runtime identifier, pushed under
/// one index with the project's tags. The linux/amd64 image runs in the test engine; the linux/arm64 one (no emulator
/// here) is checked by what it holds: an arm64 config and an AArch64 app.
/// </summary>
public sealed class MultiArchPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string Platforms = """
        <PropertyGroup>
          <RuntimeIdentifiers>linux-x64;linux-arm64</RuntimeIdentifiers>
          <ContainerRuntimeIdentifiers>linux-x64;linux-arm64</ContainerRuntimeIdentifiers>
          <SelfContained>true</SelfContained>
        </PropertyGroup>
        """;

    [Fact]
    public async Task Publishes_one_image_per_runtime_identifier_under_one_index_and_the_amd64_one_runs()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2emultiarch");
        await project.AddToProjectFileAsync(Platforms);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.RuntimeDepsBaseImage}",
            "-p:EcrRepository=e2e/multiarch", "-p:EcrScan=None", "-p:EcrSbom=true", "-p:EcrProvenance=true");

        Assert.True(result.ExitCode == 0, result.Output);
        var image = $"{localEcr.RegistryHost}/e2e/multiarch:v1.2.3";
        var credentials = $"AWS:{await LocalEcrEnvironment.LoginPasswordAsync(localEcr)}";
        using (var index = JsonDocument.Parse(await SkopeoAsync("inspect", "--raw", "--creds", credentials, $"docker://{image}")))
        {
            Assert.Equal("application/vnd.oci.image.index.v1+json", index.RootElement.GetProperty("mediaType").GetString());
            Assert.Equal(
                ["linux/amd64", "linux/arm64"],
                index.RootElement.GetProperty("manifests").EnumerateArray()
                    .Select(manifest => $"{manifest.GetProperty("platform").GetProperty("os").GetString()}/{manifest.GetProperty("platform").GetProperty("architecture").GetString()}")
                    .Order(StringComparer.Ordinal));
            await AssertSbomPerPlatformAndProvenanceOnIndexAsync(project, index, $"{localEcr.RegistryHost}/e2e/multiarch", credentials);
        }

        // The registry holds the per-platform manifests by digest only: the user's tags name the index, nothing else.
        using (var tags = JsonDocument.Parse(await SkopeoAsync("list-tags", "--creds", credentials, $"docker://{localEcr.RegistryHost}/e2e/multiarch")))
        {
            Assert.DoesNotContain(tags.RootElement.GetProperty("Tags").EnumerateArray(), tag => tag.GetString()!.Contains("linux", StringComparison.Ordinal));
        }

        var arm64 = Path.Combine(project.Directory, "arm64-image");
        await SkopeoAsync("copy", "--override-arch", "arm64", "--src-creds", credentials, $"docker://{image}", $"dir:{arm64}");
        Assert.Equal((ushort)0xB7, ElfMachineOfApp(arm64, "app/e2emultiarch")); // EM_AARCH64

        await LocalEcrEnvironment.PullAsync(localEcr, image);
        var run = (await ProcessRunner.RunAsync(TestEnvironment.Docker, ["-H", TestEnvironment.DockerHost, "run", "--rm", "--platform", "linux/amd64", image])).EnsureSuccess();
        Assert.Equal("hello", run.StandardOutput.Trim());
    }

    [Fact]
    public async Task Each_platform_image_is_scanned_and_the_gate_sees_every_platforms_findings()
    {
        var vulnerabilities = Path.Combine(RepositoryRoot.Path, "tests", "EcrPublish.LocalEcr.Tests", "VulnDb");
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions { VulnerabilityDatabaseDirectory = vulnerabilities });
        var project = await ConsumerProject.CreateAsync(package, "e2emultiarchscan");
        await project.AddToProjectFileAsync(Platforms);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.RuntimeDepsBaseImage}",
            "-p:EcrRepository=e2e/multiarchscan", "-p:EcrScanFailOnSeverity=HIGH");

        var output = result.Output;
        Assert.NotEqual(0, result.ExitCode);
        // The repository scans on push: the build waited for both platform images, not for the index.
        Assert.Equal(2, output.Split("EcrPublish: waiting for the scan of e2e/multiarchscan@sha256:").Length - 1);
        Assert.Contains("error ECR4502", output, StringComparison.Ordinal);
        Assert.Contains("HIGH", output, StringComparison.Ordinal);
    }

    private static async Task<string> SkopeoAsync(params string[] arguments)
    {
        var tlsOption = arguments[0] == "copy" ? "--src-tls-verify=false" : "--tls-verify=false";
        return (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, [arguments[0], tlsOption, .. arguments[1..]], timeout: TimeSpan.FromMinutes(3)))
            .EnsureSuccess().StandardOutput;
    }

    // The e_machine field of the app's ELF header, read from the image's last (app) layer in a skopeo dir: copy.
    private static ushort ElfMachineOfApp(string imageDirectory, string appPath)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(imageDirectory, "manifest.json")));
        var appLayer = manifest.RootElement.GetProperty("layers").EnumerateArray().Last().GetProperty("digest").GetString()!;
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(imageDirectory, appLayer.Split(':')[1])), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name.TrimStart('.', '/') == appPath && entry.DataStream is { } data)
            {
                var header = new byte[20];
                data.ReadExactly(header);
                Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
                return BitConverter.ToUInt16(header, 18);
            }
        }

        throw new Xunit.Sdk.XunitException($"{appPath} is not in the app layer {appLayer}");
    }

    // One SBOM per platform image (subject = its manifest) and the provenance on the index, as the registry stores them.
    private static async Task AssertSbomPerPlatformAndProvenanceOnIndexAsync(ConsumerProject project, JsonDocument index, string repository, string credentials)
    {
        var path = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        using var result = JsonDocument.Parse(File.ReadAllText(path));
        var published = result.RootElement.GetProperty("images")[0];
        var expected = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(manifest => ("application/spdx+json", manifest.GetProperty("digest").GetString()!))
            .Append(("application/vnd.in-toto+json", published.GetProperty("digest").GetString()!));
        var stored = new List<(string, string)>();
        foreach (var referrer in published.GetProperty("referrers").EnumerateArray())
        {
            using var manifest = JsonDocument.Parse(await SkopeoAsync("inspect", "--raw", "--creds", credentials, $"docker://{repository}@{referrer.GetProperty("digest").GetString()}"));
            stored.Add((manifest.RootElement.GetProperty("artifactType").GetString()!, manifest.RootElement.GetProperty("subject").GetProperty("digest").GetString()!));
        }

        Assert.Equal(expected.Order(), stored.Order());
    }
}
