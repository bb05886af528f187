using EcrPublish.Images;
using EcrPublish.LocalEcr;
using EcrPublish.Publishing;

namespace EcrPublish.IntegrationTests.Publishing;

/// <summary>The publish request the signing stage tests sign under: a daemonless image of a tiny app pushed to a LocalEcr repository.</summary>
internal static class SigningPublishRequests
{
    /// <summary>A request for <paramref name="repository"/> in <paramref name="localEcr"/>, tag <c>v1</c>, files under <paramref name="work"/>.</summary>
    public static EcrPublishRequest For(LocalEcrServer localEcr, string repository, string work, string tagMutability) => new()
    {
        Repository = repository,
        Tags = ["v1"],
        RepositorySettings = new RepositorySettings(true, true, tagMutability, [], null, null, new Dictionary<string, string>(), null, null),
        ImageBuilder = ImageBuilderKind.Daemonless,
        Scan = new ScanSettings(null, TimeSpan.FromMinutes(1), null),
        ResultFile = Path.Combine(work, "result.json"),
        PublishDirectory = work,
        Project = new ProjectFacts("Hello", "Hello", "Hello.dll", "10.0", false, true, "1.0.0"),
        Container = new ContainerSettings(),
        Region = localEcr.Options.Region,
        ServiceUrl = localEcr.Endpoint,
        RegistryEndpoint = new Uri("http://" + localEcr.RegistryHost),
    };
}
