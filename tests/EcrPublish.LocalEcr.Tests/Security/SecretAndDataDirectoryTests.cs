namespace EcrPublish.LocalEcr.Tests.Security;

/// <summary>The secret key can stay off the command line (ps shows it), and LocalEcr's data is its owner's only.</summary>
public sealed class SecretAndDataDirectoryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("localecr-secret-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_keys_come_from_LOCALECR_ACCESS_KEY_and_LOCALECR_SECRET_KEY()
    {
        var environment = new Dictionary<string, string> { ["LOCALECR_ACCESS_KEY"] = "AKIAENV", ["LOCALECR_SECRET_KEY"] = "from-env" };
        var options = LocalEcrCommandLine.Parse([], environment.GetValueOrDefault);
        Assert.Equal("AKIAENV", options.AccessKeyId);
        Assert.Equal("from-env", options.SecretAccessKey);
    }

    [Fact]
    public void The_secret_comes_from_secret_key_file_without_its_final_line_break_and_beats_the_environment()
    {
        var file = Path.Combine(folder, "secret");
        File.WriteAllText(file, "from-file\n");
        var environment = new Dictionary<string, string> { ["LOCALECR_SECRET_KEY"] = "from-env" };

        var options = LocalEcrCommandLine.Parse(["--access-key", "AKIAFILE", "--secret-key-file", file], environment.GetValueOrDefault);

        Assert.Equal("AKIAFILE", options.AccessKeyId);
        Assert.Equal("from-file", options.SecretAccessKey);
    }

    [Fact]
    public void An_unreadable_empty_or_doubly_given_secret_is_ECR5006()
    {
        var empty = Path.Combine(folder, "empty");
        File.WriteAllText(empty, "\n");
        var missing = Path.Combine(folder, "missing");
        Assert.Equal("ECR5006", Assert.Throws<LocalEcrException>(() => LocalEcrCommandLine.Parse(["--access-key", "a", "--secret-key-file", missing], _ => null)).Code);
        Assert.Equal("ECR5006", Assert.Throws<LocalEcrException>(() => LocalEcrCommandLine.Parse(["--access-key", "a", "--secret-key-file", empty], _ => null)).Code);
        Assert.Equal("ECR5006", Assert.Throws<LocalEcrException>(() => LocalEcrCommandLine.Parse(["--access-key", "a", "--secret-key", "s", "--secret-key-file", empty], _ => null)).Code);
    }

    [Fact]
    public void A_secret_without_an_access_key_is_ECR5003() =>
        Assert.Equal("ECR5003", Assert.Throws<LocalEcrException>(() => LocalEcrCommandLine.Parse([], name => name == "LOCALECR_SECRET_KEY" ? "s" : null)).Code);

    [Fact]
    public void Hostname_is_read() => Assert.Equal("registry.test", LocalEcrCommandLine.Parse(["--hostname", "registry.test"], _ => null).Hostname);

    [Fact]
    public async Task The_temporary_and_a_new_data_directory_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using (var temporary = await LocalEcrServer.StartAsync(new LocalEcrOptions()))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(temporary.DataDirectory));
        }

        var created = Path.Combine(folder, "new-data");
        await using var server = await LocalEcrServer.StartAsync(new LocalEcrOptions { DataDirectory = created });
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(created));
    }
}
