using System.Formats.Tar;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// The SDK's habits under PublishToEcr, end to end with the packed package into LocalEcr: 'dotnet publish
/// -t:PublishContainer -p:PublishToEcr=true' pushes once, to ECR, and ContainerArchiveOutputPath writes the same image
/// as a tar (docker-archive and OCI layout) as well.
/// </summary>
public sealed partial class PublishContainerTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task PublishContainer_with_PublishToEcr_pushes_once_to_ECR_and_writes_the_archive_of_the_pushed_digest()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "sdkcontainer", web: true);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-t:PublishContainer", "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=sdk/container", "-p:EcrScan=None", "-p:ContainerArchiveOutputPath=images/");

        Assert.True(result.ExitCode == 0, result.Output);
        var imageUri = $"{localEcr.RegistryHost}/sdk/container";
        var pushed = Assert.Single(PushedLine().Matches(result.Output));
        var digest = pushed.Groups["digest"].Value;
        Assert.Equal(imageUri, pushed.Groups["uri"].Value);
        Assert.Contains($"PublishContainer with PublishToEcr=true pushed once, to ECR: {imageUri}@{digest}", result.Output, StringComparison.Ordinal);
        // The SDK's own push (its CreateNewImage logs 'Building image') never ran.
        Assert.DoesNotContain("Building image '", result.Output, StringComparison.Ordinal);

        var archive = Path.Combine(project.Directory, "images", "sdk-container.tar.gz");
        Assert.Contains($"wrote the image to {archive}", result.Output, StringComparison.Ordinal);
        var entries = await ReadTarAsync(archive);
        Assert.Contains("manifest.json", entries.Keys);
        Assert.Contains("oci-layout", entries.Keys);
        using var index = JsonDocument.Parse(entries["index.json"]);
        Assert.Equal(digest, index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString());
        Assert.Contains($"blobs/sha256/{digest["sha256:".Length..]}", entries.Keys);
    }

    private static async Task<Dictionary<string, byte[]>> ReadTarAsync(string path)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var file = File.OpenRead(path);
        await using var reader = new TarReader(file);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            using var content = new MemoryStream();
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(content);
            }

            entries[entry.Name] = content.ToArray();
        }

        return entries;
    }

    [GeneratedRegex(@"EcrPublish: (?<uri>\S+)@(?<digest>sha256:[0-9a-f]{64}) tags ")]
    private static partial Regex PushedLine();
}
