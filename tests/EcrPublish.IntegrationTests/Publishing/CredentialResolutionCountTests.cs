using EcrPublish.Images;
using EcrPublish.IntegrationTests.Aws;
using EcrPublish.IntegrationTests.Registry;
using EcrPublish.IntegrationTests.Scanning;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;
using EcrPublish.Publishing.Stages;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>
/// One publish resolves its AWS credentials once: the profile's credential_process (a script that writes a line per run)
/// runs once for a publish to the main registry and an EcrDestination in another region and account, two LocalEcr
/// instances, although each has its own ECR client.
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class CredentialResolutionCountTests : IDisposable
{
    private const string OtherAccount = "111122223333";
    private readonly string _work = Path.Combine(TestEnvironment.WorkDirectory, "credential-count-" + Guid.NewGuid().ToString("N")[..8]);

    public CredentialResolutionCountTests() => Directory.CreateDirectory(_work);

    [Fact]
    public async Task A_publish_with_a_destination_in_another_region_runs_the_credential_process_once()
    {
        await using var main = await LocalEcrServer.StartAsync(new LocalEcrOptions { Region = "eu-west-1" });
        await using var west = await LocalEcrServer.StartAsync(new LocalEcrOptions { Region = "us-west-2", AccountId = OtherAccount });
        using var aws = new AwsEnvironmentScope();
        var runs = Path.Combine(_work, "credential-process-runs");
        var script = Path.Combine(_work, "credentials.sh");
        await File.WriteAllTextAsync(script, $$"""
            echo run >> '{{runs}}'
            echo '{"Version": 1, "AccessKeyId": "{{main.Options.AccessKeyId}}", "SecretAccessKey": "{{main.Options.SecretAccessKey}}"}'
            """);
        await File.WriteAllTextAsync(aws.ConfigFile, $"""
            [profile counted]
            region = eu-west-1
            credential_process = /bin/sh {script}
            """);
        var request = SigningPublishRequests.For(main, "team/hello", SyntheticPublishFolder.Create(_work, 20_000, seed: 5), "MUTABLE") with
        {
            Profile = "counted",
            SupplyChain = new SupplyChainSettings(false, SbomFormat.Spdx, false),
            Project = new ProjectFacts("App", "App", "App.dll", "10.0", false, true, "1.0.0"),
            ResultFile = Path.Combine(_work, "result.json"),
            RepositorySettings = new RepositorySettings(true, false, "MUTABLE", [], null, null, new Dictionary<string, string>(), null, null),
            Container = new ContainerSettings { BaseImage = "scratch" },
            Destinations =
            [
                new EcrDestination("west", "us-west-2", OtherAccount, "team/hello") { ServiceUrl = west.Endpoint, RegistryEndpoint = new Uri("http://" + west.RegistryHost) },
            ],
        };

        var result = await new EcrPublishPipeline(new PublishStageFactory(layerCacheDirectory: Path.Combine(_work, "cache")))
            .PublishAsync(request, new RecordingPublishLog(), CancellationToken.None);

        Assert.Equal(2, result.Images.Count);
        Assert.Equal(result.Images[0].Digest, result.Images[1].Digest);
        Assert.Equal(1, main.CallCount("CreateRepository"));
        Assert.Equal(1, west.CallCount("CreateRepository"));
        Assert.Equal(["run"], await File.ReadAllLinesAsync(runs));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
