using System.Text;

namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>A LocalEcr started in-process on a free loopback port with its own data directory, plus clients for it.</summary>
internal sealed class LocalEcrHarness : IAsyncDisposable
{
    private LocalEcrHarness(LocalEcrServer server, AdjustableClock clock)
    {
        Server = server;
        Clock = clock;
        Ecr = new SignedEcrClient(server.Endpoint, server.Options.AccessKeyId, server.Options.SecretAccessKey, server.Options.Region);
    }

    public LocalEcrServer Server { get; }

    public AdjustableClock Clock { get; }

    public SignedEcrClient Ecr { get; }

    public string Host => Server.RegistryHost;

    public static async Task<LocalEcrHarness> StartAsync(string? dataDirectory = null, Action<LocalEcrOptions>? configure = null)
    {
        var clock = new AdjustableClock();
        var options = new LocalEcrOptions { DataDirectory = dataDirectory, TimeProvider = clock };
        configure?.Invoke(options);
        return new LocalEcrHarness(await LocalEcrServer.StartAsync(options), clock);
    }

    /// <summary>A fresh registry password from GetAuthorizationToken.</summary>
    public async Task<string> PasswordAsync()
    {
        var token = (await Ecr.CallAsync("GetAuthorizationToken", "{}")).Ok()["authorizationData"]![0]!["authorizationToken"]!.GetValue<string>();
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        Assert.StartsWith("AWS:", decoded, StringComparison.Ordinal);
        return decoded["AWS:".Length..];
    }

    public async Task<RegistryTestClient> RegistryAsync() => new(Server.Endpoint, await PasswordAsync());

    public async Task CreateRepositoryAsync(string name, string mutability = "MUTABLE") =>
        (await Ecr.CallAsync("CreateRepository", $$"""{"repositoryName":"{{name}}","imageTagMutability":"{{mutability}}"}""")).Ok();

    /// <summary>Every file under the data directory (to prove a rejected request wrote nothing).</summary>
    public IReadOnlyList<string> DataFiles() =>
        Directory.EnumerateFiles(Server.DataDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public async ValueTask DisposeAsync()
    {
        Ecr.Dispose();
        await Server.DisposeAsync();
    }
}
