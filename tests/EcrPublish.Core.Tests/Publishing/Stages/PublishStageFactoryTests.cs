using EcrPublish.Aws;
using EcrPublish.Core.Tests.Images;
using EcrPublish.Images;
using EcrPublish.Core.Tests.Publishing;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing.Stages;

/// <summary>The real stages create the ECR client only when one needs it.</summary>
public sealed class PublishStageFactoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingPublishLog _log = new();
    private int _ecrClients;

    public void Dispose() => _temp.Dispose();

    // Counts the clients asked for; the client itself is never needed by these tests, so asking fails the stage.
    private PublishStageFactory Factory() => new(
        ecrClient: _ =>
        {
            _ecrClients++;
            throw new InvalidOperationException("ECR client created");
        },
        layerCacheDirectory: Path.Combine(_temp.Path, "cache"),
        resolveCredentials: _ => new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"));

    private static EcrPublishRequest ScratchImage(string publishDirectory) =>
        EcrPublishPipelineTests.Request(new ContainerSettings { BaseImage = "scratch" }) with { PublishDirectory = publishDirectory };

    [Fact]
    public async Task A_daemonless_build_that_fails_never_creates_the_ecr_client()
    {
        var request = ScratchImage(Path.Combine(_temp.Path, "no-such-publish-folder"));

        await Assert.ThrowsAsync<ImageBuildException>(() => new EcrPublishPipeline(Factory()).PublishAsync(request, _log, CancellationToken.None));

        Assert.Equal(0, _ecrClients);
    }

    [Fact]
    public async Task A_daemonless_build_needs_no_ecr_client_and_provisioning_creates_it()
    {
        _temp.Write("publish/Hello.dll", "app");
        _temp.Write("publish/Hello.deps.json", """{"runtimeTarget":{"name":".NETCoreApp,Version=v10.0"},"targets":{".NETCoreApp,Version=v10.0":{"Hello/1.0.0":{"runtime":{"Hello.dll":{}}}}},"libraries":{"Hello/1.0.0":{"type":"project"}}}""");
        var request = ScratchImage(Path.Combine(_temp.Path, "publish"));
        using var stages = Factory().Create(request, _log);

        var built = await stages.ImageBuild.BuildAsync(request, ImageOptionsFactory.Create(request), CancellationToken.None);

        Assert.IsType<DaemonlessBuildOutput>(built);
        Assert.Equal(0, _ecrClients);
        var creation = await Assert.ThrowsAsync<InvalidOperationException>(() => stages.Provision.ProvisionAsync(request, CancellationToken.None));
        Assert.Equal("ECR client created", creation.Message);
        Assert.Equal(1, _ecrClients);
    }

    [Theory]
    [InlineData(ImageBuilderKind.Daemonless, typeof(DaemonlessBuildStage), typeof(RegistryPushStage))]
    [InlineData(ImageBuilderKind.Docker, typeof(DockerBuildStage), typeof(DockerPushStage))]
    public void The_request_s_builder_chooses_the_build_and_push_stages(ImageBuilderKind builder, Type build, Type push)
    {
        using var stages = Factory().Create(EcrPublishPipelineTests.Request(builder: builder), _log);

        Assert.IsType(build, stages.ImageBuild);
        Assert.IsType(push, Assert.IsType<CreateOnPushStage>(stages.Push).Push);
        Assert.IsType<EcrProvisionStage>(stages.Provision);
        Assert.IsType<SupplyChainAttachStage>(stages.Attach);
        Assert.IsType<EcrScanGateStage>(stages.ScanGate);
        Assert.IsType<ResultFileReportStage>(stages.Report);
        Assert.Equal(0, _ecrClients);
    }
}
