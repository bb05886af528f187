using System.Text;
using EcrPublish.Images;
using Xunit;

namespace EcrPublish.Core.Tests.Images;

public sealed class ImageJsonTests
{
    private static readonly Descriptor Config = new(MediaTypes.OciConfig, "sha256:" + new string('c', 64), 100);
    private static readonly Descriptor Layer = new(MediaTypes.OciLayerGzip, "sha256:" + new string('1', 64), 2000);

    [Fact]
    public void A_manifest_is_written_with_its_media_type_and_reads_back_the_same()
    {
        var manifest = new ImageManifest(MediaTypes.OciManifest, Config, [Layer]);

        var json = manifest.ToJsonBytes();

        Assert.Equal(
            """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","size":100},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111","size":2000}]}""",
            Encoding.UTF8.GetString(json));
        var parsed = ImageManifest.Parse(json);
        Assert.Equal(manifest.Config, parsed.Config);
        Assert.Equal(manifest.Layers, parsed.Layers);
    }

    [Fact]
    public void An_index_lists_platforms_and_a_docker_manifest_without_media_type_takes_the_content_type()
    {
        var index = new ImageIndex(MediaTypes.OciIndex, [
            new Descriptor(MediaTypes.OciManifest, "sha256:" + new string('a', 64), 500) { Platform = new Platform("linux", "amd64") },
            new Descriptor(MediaTypes.OciManifest, "sha256:" + new string('b', 64), 501) { Platform = new Platform("linux", "arm64", "v8") },
        ]);
        var parsed = ImageIndex.Parse(index.ToJsonBytes());
        Assert.Equal([new Platform("linux", "amd64"), new Platform("linux", "arm64", "v8")], parsed.Manifests.Select(m => m.Platform));

        var docker = ImageManifest.Parse("""{"schemaVersion":2,"config":{"digest":"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","size":1},"layers":[]}"""u8, MediaTypes.DockerManifest);
        Assert.Equal(MediaTypes.DockerManifest, docker.MediaType);
        Assert.Equal(MediaTypes.DockerConfig, docker.Config.MediaType);
        Assert.Same(ImageFormat.Docker, ImageFormat.Of(docker.MediaType));
    }

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com", "dotnet/aspnet", "10.0", null)]
    [InlineData("127.0.0.1:5000/it/web", "127.0.0.1:5000", "it/web", "latest", null)]
    [InlineData("debian", "registry-1.docker.io", "library/debian", "latest", null)]
    [InlineData("localhost/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "localhost", "app", null, "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Image_references_are_parsed(string text, string registry, string repository, string? tag, string? digest)
    {
        Assert.Equal(new ImageReference(registry, repository, tag, digest), ImageReference.Parse(text));
    }

    [Theory]
    [InlineData("Upper/Case")]
    [InlineData("repo@sha256:short")]
    [InlineData("repo:")]
    public void Invalid_references_are_rejected_with_a_code(string text)
    {
        Assert.Equal(ImageErrorCodes.InvalidImageReference, Assert.Throws<ImageBuildException>(() => ImageReference.Parse(text)).Code);
    }

    [Fact]
    public void Runtime_identifiers_map_to_platforms_and_source_date_epoch_is_honoured()
    {
        Assert.Equal(new Platform("linux", "amd64"), Platform.FromRuntimeIdentifier("linux-x64"));
        Assert.Equal(new Platform("linux", "arm64", "v8"), Platform.FromRuntimeIdentifier("linux-musl-arm64"));
        Assert.Equal(ImageErrorCodes.UnknownRuntimeIdentifier, Assert.Throws<ImageBuildException>(() => Platform.FromRuntimeIdentifier("linux-mips")).Code);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), SourceDateEpoch.Resolve(null, "1700000000"));
        Assert.Equal(DateTimeOffset.UnixEpoch, SourceDateEpoch.Resolve(null, null));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(5), SourceDateEpoch.Resolve(DateTimeOffset.FromUnixTimeSeconds(5), "1700000000"));
        Assert.Equal(ImageErrorCodes.InvalidSourceDateEpoch, Assert.Throws<ImageBuildException>(() => SourceDateEpoch.Resolve(null, "yesterday")).Code);
    }
}
