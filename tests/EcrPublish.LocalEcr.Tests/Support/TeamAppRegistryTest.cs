namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>
/// A test of the registry API against its own LocalEcr (in-process, started for each test) that holds the repository
/// <c>team/app</c>, with a registry client logged in by the password from GetAuthorizationToken.
/// </summary>
public abstract class TeamAppRegistryTest : IAsyncLifetime
{
    private protected LocalEcrHarness Ecr { get; private set; } = null!;

    private protected RegistryTestClient Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ecr = await LocalEcrHarness.StartAsync();
        Registry = await Ecr.RegistryAsync();
        await Ecr.CreateRepositoryAsync("team/app");
    }

    public async Task DisposeAsync()
    {
        Registry.Dispose();
        await Ecr.DisposeAsync();
    }
}
