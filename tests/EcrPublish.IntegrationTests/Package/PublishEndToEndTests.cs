using System.IO.Compression;
using System.Text;
using System.Text.Json;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// The product's front door, end to end: the packed EcrPublish in a real 'dotnet publish', against moto
/// (control plane) + Debian's registry, and against LocalEcr (both on one port); then the engine pulls and
/// runs the image and we call it.
/// </summary>
public sealed class PublishEndToEndTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    // moto's GetAuthorizationToken password for its default account: it must never reach a log or a binlog.
    private const string MotoRegistryPassword = "123456789012-auth-token";

    [Fact]
    public async Task Publishes_to_moto_and_the_registry_runs_answers_republishes_nothing_and_gates_on_scan_findings()
    {
        var project = await ConsumerProject.CreateAsync(package, "e2eweb", web: true);
        var repository = $"e2e/web-{Guid.NewGuid().ToString("N")[..8]}";
        var environment = MotoEnvironment.For("testing", "testing");
        environment["GITHUB_OUTPUT"] = Path.Combine(project.Directory, "github-output");
        environment["GITHUB_STEP_SUMMARY"] = Path.Combine(project.Directory, "github-summary");
        var binlog = Path.Combine(project.Directory, "publish.binlog");
        string[] where =
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={TestEnvironment.MotoUrl}", $"-p:EcrRegistryEndpoint=http://{TestEnvironment.Registry}",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", $"-p:EcrRepository={repository}",
            // The repository scans on push, but moto only knows images it is told about (below): wait only when asked.
            "-p:EcrScan=None",
        ];

        var first = await project.PublishAsync(environment, [.. where, $"-bl:{binlog}"]);

        Assert.True(first.ExitCode == 0, first.Output);
        var imageUri = $"{TestEnvironment.Registry}/{repository}";
        var digest = ReadResultFile(project, imageUri);
        Assert.Contains($"EcrPublish: {imageUri}@{digest} tags v1.2.3, ", first.Output, StringComparison.Ordinal);
        Assert.Contains($"image={imageUri}@{digest}", await File.ReadAllTextAsync(environment["GITHUB_OUTPUT"]!), StringComparison.Ordinal);
        Assert.Contains($"| `{imageUri}` | `{digest}` |", await File.ReadAllTextAsync(environment["GITHUB_STEP_SUMMARY"]!), StringComparison.Ordinal);
        AssertBinlogIsCleanOf(binlog, MotoRegistryPassword);
        Assert.DoesNotContain(MotoRegistryPassword, first.Output, StringComparison.Ordinal);

        await using (var container = await RunningContainer.StartWebAppAsync($"{imageUri}:v1.2.3"))
        {
            Assert.Equal("hello", await container.GetAsync("/"));
        }

        var again = await project.PublishAsync(environment, where);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains($"EcrPublish: {imageUri}@{digest} tags v1.2.3, ", again.Output, StringComparison.Ordinal);
        Assert.Contains("(unchanged, nothing sent)", again.Output, StringComparison.Ordinal);

        // moto keeps images it was told about with PutImage (it has no registry): tell it, as ECR would know.
        await RegisterImageInMotoAsync(repository, imageUri, digest);
        var gated = await project.PublishAsync(environment, [.. where, "-p:EcrScan=Start", "-p:EcrScanFailOnSeverity=HIGH"]);

        Assert.NotEqual(0, gated.ExitCode);
        Assert.Contains("error ECR4502", gated.Output, StringComparison.Ordinal);
        Assert.Contains("CVE-9999-9999", gated.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishes_to_LocalEcr_and_an_immutable_tag_accepts_the_same_digest_but_refuses_another()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2elocal", web: true);
        var environment = LocalEcrEnvironment.For(localEcr);
        string[] where =
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=e2e/immutable",
            // LocalEcr does not scan yet (issue 7).
            "-p:EcrScan=None",
        ];

        var first = await project.PublishAsync(environment, where);
        Assert.True(first.ExitCode == 0, first.Output);
        var imageUri = $"{localEcr.RegistryHost}/e2e/immutable";
        var digest = ReadResultFile(project, imageUri);
        Assert.Contains("created repository", first.Output, StringComparison.Ordinal);
        Assert.Contains("IMMUTABLE_WITH_EXCLUSION", first.Output, StringComparison.Ordinal);

        var same = await project.PublishAsync(environment, where);
        Assert.True(same.ExitCode == 0, same.Output);
        Assert.Contains($"{imageUri}@{digest}", same.Output, StringComparison.Ordinal);

        await project.CommitCodeChangeAsync("changed");
        var changed = await project.PublishAsync(environment, where);
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("error ECR3103", changed.Output, StringComparison.Ordinal);
        Assert.Contains("v1.2.3", changed.Output, StringComparison.Ordinal);

        // The real AWS CLI sees one image, still under the immutable tag it had.
        var described = (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV2,
            ["ecr", "describe-images", "--repository-name", "e2e/immutable", "--image-ids", "imageTag=v1.2.3", "--endpoint-url", localEcr.Endpoint.ToString(), "--output", "json"],
            environment)).EnsureSuccess();
        using var images = JsonDocument.Parse(described.StandardOutput);
        Assert.Equal(digest, images.RootElement.GetProperty("imageDetails")[0].GetProperty("imageDigest").GetString());
    }

    private static string ReadResultFile(ConsumerProject project, string imageUri)
    {
        var path = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        using var result = JsonDocument.Parse(File.ReadAllText(path));
        var image = result.RootElement.GetProperty("images")[0];
        Assert.Equal(imageUri, image.GetProperty("repositoryUri").GetString());
        return image.GetProperty("digest").GetString()!;
    }

    // A binlog is a gzip stream of records whose strings are UTF-8: search the decompressed bytes.
    private static void AssertBinlogIsCleanOf(string binlog, string secret)
    {
        using var file = File.OpenRead(binlog);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        var bytes = content.ToArray();
        Assert.True(bytes.AsSpan().IndexOf("EcrServiceUrl"u8) >= 0, "the binlog should record the build's properties");
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "the registry password is in the binlog");
    }

    private static async Task RegisterImageInMotoAsync(string repository, string imageUri, string digest)
    {
        var manifest = (await ProcessRunner.RunAsync(TestEnvironment.Skopeo, ["inspect", "--raw", "--tls-verify=false", $"docker://{imageUri}@{digest}"])).EnsureSuccess().StandardOutput;
        using var ecr = new EcrApiClient(new EcrClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = new Uri(TestEnvironment.MotoUrl),
            Credentials = new Amazon.Runtime.BasicAWSCredentials("testing", "testing"),
        });
        // With a tag: moto 5.2.1 crashes on an untagged PutImage in a repository with mutability exclusion filters.
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = manifest, ImageDigest = digest, ImageTag = "v1.2.3" });
    }
}
