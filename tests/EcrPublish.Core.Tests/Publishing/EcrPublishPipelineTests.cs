using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Publishing;

public class EcrPublishPipelineTests
{
    private sealed class NullLog : IPublishLog
    {
        public void Important(string message)
        {
        }

        public void Detail(string message)
        {
        }

        public void Warning(EcrDiagnostic warning)
        {
        }
    }

    // Guards the seam: until the lead wires the ECR client and image engine in, the pipeline must refuse
    // with its code instead of pretending to push.
    [Fact]
    public async Task Unwired_pipeline_refuses_with_its_code()
    {
        var request = new EcrPublishRequest
        {
            Repository = "hello",
            Tags = ["latest"],
            RepositorySettings = new RepositorySettings(true, true, "MUTABLE", [], null, null, new Dictionary<string, string>(), null, null),
            ImageBuilder = ImageBuilderKind.Daemonless,
            Scan = new ScanSettings(null, TimeSpan.FromMinutes(1), null),
            ResultFile = "/tmp/r.json",
            PublishDirectory = "/tmp",
            Project = new ProjectFacts("Hello", "Hello", "Hello.dll", "10.0", false, false, "1.0.0"),
            Container = new ContainerSettings(),
        };

        var exception = await Assert.ThrowsAsync<EcrPublishException>(() => new EcrPublishPipeline().PublishAsync(request, new NullLog(), CancellationToken.None));

        Assert.Equal(InputCodes.PipelineNotWired, exception.Code);
    }
}
