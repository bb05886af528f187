using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests.Security;

/// <summary>Every route authenticates before it acts, and a refused request leaves nothing on disk.</summary>
public sealed class RouteAuthenticationTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync();

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task The_lifecycle_run_refuses_a_request_without_a_registry_password()
    {
        using var anonymous = new RegistryTestClient(ecr.Server.Endpoint, password: null);
        using var refused = await anonymous.SendAsync(HttpMethod.Post, "/_localecr/lifecycle/run");
        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Equal("UNAUTHORIZED", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>());

        using var forged = new RegistryTestClient(ecr.Server.Endpoint, "forged.password");
        using var alsoRefused = await forged.SendAsync(HttpMethod.Post, "/_localecr/lifecycle/run");
        Assert.Equal(401, (int)alsoRefused.StatusCode);

        using var registry = await ecr.RegistryAsync();
        using var accepted = await registry.SendAsync(HttpMethod.Post, "/_localecr/lifecycle/run");
        Assert.Equal(200, (int)accepted.StatusCode);
    }

    [Fact]
    public async Task An_unauthenticated_request_to_another_region_creates_no_folders()
    {
        var before = Directory.EnumerateFileSystemEntries(ecr.Server.DataDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        using var anonymous = new RegistryTestClient(ecr.Server.Endpoint, password: null);

        using var response = await anonymous.SendAsync(HttpMethod.Get, "/v2/210987654321.dkr.ecr.eu-west-3/app/tags/list");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(ecr.Server.DataDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
        Assert.False(Directory.Exists(Path.Combine(ecr.Server.DataDirectory, "registries")));
    }
}
