using EcrPublish.Publishing;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

public class ImageOptionsFactoryTests
{
    [Theory]
    [InlineData(false, true, null, "mcr.microsoft.com/dotnet/aspnet:10.0")]
    [InlineData(false, false, null, "mcr.microsoft.com/dotnet/runtime:10.0")]
    [InlineData(true, true, "noble-chiseled", "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
    public void Infers_the_base_image_like_the_sdk(bool selfContained, bool aspNet, string? family, string expected)
    {
        var project = new ProjectFacts("App", "App", "App.dll", "10.0", selfContained, aspNet, "1.0.0");

        Assert.Equal(expected, ImageOptionsFactory.InferBaseImage(project, family));
    }

    [Fact]
    public void Maps_the_container_settings_and_labels()
    {
        var request = EcrPublishPipelineTests.Request(new ContainerSettings
        {
            BaseImage = "127.0.0.1:5000/dotnet/aspnet:10.0",
            Ports = [new ContainerPortSpec(8080, "tcp")],
            User = "app",
            LabelValues = new Dictionary<string, string> { ["Description"] = "Says hello", ["Unknown"] = "ignored" },
            Labels = new Dictionary<string, string> { ["team"] = "backend" },
            AppCommand = ["dotnet", "Hello.dll"],
            AppCommandArgs = ["--verbose"],
        }) with { GitSha = "0123456789abcdef0123456789abcdef01234567" };

        var options = ImageOptionsFactory.Create(request);

        Assert.Equal("127.0.0.1:5000/dotnet/aspnet:10.0", options.BaseImage);
        Assert.Equal(["8080/tcp"], options.Ports);
        Assert.Equal("app", options.User);
        Assert.Equal("/app", options.WorkingDirectory);
        Assert.Equal(["dotnet", "Hello.dll", "--verbose"], options.Entrypoint!);
        Assert.Equal("Says hello", options.Labels["org.opencontainers.image.description"]);
        Assert.Equal("backend", options.Labels["team"]);
        Assert.Equal(2, options.Labels.Count);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", options.Revision);
        Assert.Equal("linux-x64", Assert.Single(options.Platforms).RuntimeIdentifier);
    }

    [Fact]
    public void A_multi_arch_publish_builds_one_platform_per_published_runtime_identifier()
    {
        var request = EcrPublishPipelineTests.Request(new ContainerSettings { RuntimeIdentifiers = ["linux-x64", "linux-arm64"] }) with
        {
            PlatformPublishes = [new("linux-x64", "/p/x64"), new("linux-arm64", "/p/arm64")],
        };

        var options = ImageOptionsFactory.Create(request);

        Assert.Equal(["linux-x64:/p/x64", "linux-arm64:/p/arm64"], options.Platforms.Select(platform => $"{platform.RuntimeIdentifier}:{platform.PublishDirectory}"));
    }

    [Fact]
    public void The_Docker_builder_refuses_several_platforms()
    {
        var request = EcrPublishPipelineTests.Request(new ContainerSettings()) with
        {
            ImageBuilder = ImageBuilderKind.Docker,
            PlatformPublishes = [new("linux-x64", "/p/x64"), new("linux-arm64", "/p/arm64")],
        };

        var exception = Assert.Throws<EcrPublishException>(() => ImageOptionsFactory.Create(request));

        Assert.Equal(PublishErrorCodes.MultiPlatformNotSupported, exception.Code);
        Assert.Contains("EcrImageBuilder=Daemonless", exception.Message, StringComparison.Ordinal);
    }
}
