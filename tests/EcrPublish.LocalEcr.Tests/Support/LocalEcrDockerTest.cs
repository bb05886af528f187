namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>
/// A test against its own LocalEcr (in-process, started for each test) with the real docker CLI, whose login goes into
/// a config folder of its own that is deleted afterwards.
/// </summary>
public abstract class LocalEcrDockerTest : IAsyncLifetime
{
    private protected LocalEcrHarness Ecr { get; private set; } = null!;

    private protected DockerCli Docker { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Ecr = await LocalEcrHarness.StartAsync();
        Docker = new DockerCli();
    }

    public virtual async Task DisposeAsync()
    {
        Docker.DeleteConfig();
        await Ecr.DisposeAsync();
    }
}
