using EcrPublish.Publishing;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

public class EcrPublishPipelineTests
{
    internal static EcrPublishRequest Request(ContainerSettings? container = null, ImageBuilderKind builder = ImageBuilderKind.Daemonless, ProjectFacts? project = null) => new()
    {
        Repository = "hello",
        Tags = ["latest"],
        RepositorySettings = new RepositorySettings(true, true, "MUTABLE", [], null, null, new Dictionary<string, string>(), null, null),
        ImageBuilder = builder,
        Scan = new ScanSettings(null, TimeSpan.FromMinutes(1), null),
        ResultFile = Path.Combine(Path.GetTempPath(), "r.json"),
        PublishDirectory = Path.GetTempPath(),
        Project = project ?? new ProjectFacts("Hello", "Hello", "Hello.dll", "10.0", false, true, "1.0.0"),
        Container = container ?? new ContainerSettings(),
        // An endpoint nothing listens on: the test proves the pipeline stops before calling it.
        ServiceUrl = new Uri("http://127.0.0.1:9"),
    };

    [Fact]
    public async Task Rejects_several_runtime_identifiers_without_their_publish_folders_before_any_aws_call()
    {
        var request = Request(new ContainerSettings { RuntimeIdentifiers = ["linux-x64", "linux-arm64"] });

        var exception = await Assert.ThrowsAsync<EcrPublishException>(() => new EcrPublishPipeline().PublishAsync(request, new RecordingPublishLog(), CancellationToken.None));

        Assert.Equal(PublishErrorCodes.MultiPlatformNotSupported, exception.Code);
    }
}
