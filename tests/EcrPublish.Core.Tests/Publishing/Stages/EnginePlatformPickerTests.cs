using EcrPublish.Images;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Stages;

public sealed class EnginePlatformPickerTests
{
    private static BuiltImage Built(string runtimeIdentifier)
    {
        var config = new Descriptor(MediaTypes.OciConfig, "sha256:" + new string('c', 64), 100);
        var manifest = new ImageManifest(MediaTypes.OciManifest, config, []);
        var bytes = manifest.ToJsonBytes();
        return new BuiltImage(Platform.FromRuntimeIdentifier(runtimeIdentifier), manifest, bytes, runtimeIdentifier, [], [], []);
    }

    private static ImageBuildResult MultiArch() => new([Built("linux-x64"), Built("linux-arm64")], null, [1]);

    [Theory]
    [InlineData("amd64", "linux-x64")]
    [InlineData("arm64", "linux-arm64")]
    public void A_multi_arch_image_loads_the_engines_platform(string engineArchitecture, string expected)
    {
        var picked = EnginePlatformPicker.Pick(MultiArch(), "linux", engineArchitecture, "Docker");

        Assert.Equal(expected, picked.Digest);
    }

    [Fact]
    public void A_multi_arch_image_without_the_engines_platform_is_ECR2207_naming_both()
    {
        var exception = Assert.Throws<EcrPublishException>(() => EnginePlatformPicker.Pick(MultiArch(), "linux", "s390x", "Podman"));

        Assert.Equal(PublishErrorCodes.NoPlatformForEngine, exception.Code);
        Assert.Contains("EcrLoadInto=Podman: the engine runs linux/s390x, but the image was built for linux/amd64, linux/arm64/v8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_platform_image_loads_as_it_is_whatever_the_engine_runs()
    {
        var image = new ImageBuildResult([Built("linux-arm64")], null, null);

        Assert.Equal("linux-arm64", EnginePlatformPicker.Pick(image, "linux", "amd64", "Docker").Digest);
    }
}
