using EcrPublish.Registry;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Registry;

/// <summary>Runs a real docker-credential-* program the way Docker does (stdin: host, stdout: JSON).</summary>
public sealed class CredentialHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(TestEnvironment.WorkDirectory, "image-engine-helpers-" + Guid.NewGuid().ToString("N")[..8]);

    public CredentialHelperTests()
    {
        Directory.CreateDirectory(_directory);
        var script = Path.Combine(_directory, "docker-credential-ecrpubtest");
        File.WriteAllText(script, """
            #!/bin/sh
            [ "$1" = get ] || exit 1
            read host
            case "$host" in
              known.example.com) echo '{"ServerURL":"known.example.com","Username":"AWS","Secret":"from-helper"}' ;;
              *) echo "credentials not found in native keychain"; exit 1 ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData("""{"credHelpers":{"known.example.com":"ecrpubtest"}}""")]
    [InlineData("""{"credsStore":"ecrpubtest"}""")]
    public async Task Helper_programs_from_credHelpers_and_credsStore_supply_credentials(string config)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, config);
        var provider = new DockerConfigCredentialProvider(path, _directory);

        var credential = await provider.GetAsync("known.example.com", refresh: false, CancellationToken.None);

        Assert.Equal(("AWS", "from-helper"), (credential!.Username, credential.Password));
        if (config.Contains("credsStore", StringComparison.Ordinal))
        {
            Assert.Null(await provider.GetAsync("unknown.example.com", refresh: false, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_missing_helper_program_is_a_clear_error()
    {
        var path = Path.Combine(_directory, "missing.json");
        await File.WriteAllTextAsync(path, """{"credHelpers":{"known.example.com":"does-not-exist"}}""");

        var exception = await Assert.ThrowsAsync<RegistryException>(() => new DockerConfigCredentialProvider(path, _directory).GetAsync("known.example.com", false, CancellationToken.None));

        Assert.Equal(RegistryErrorCodes.CredentialHelperFailed, exception.Code);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
