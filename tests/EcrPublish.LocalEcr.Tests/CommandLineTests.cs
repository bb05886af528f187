namespace EcrPublish.LocalEcr.Tests;

/// <summary>The documented command line of <c>dotnet run --project src/EcrPublish.LocalEcr</c>.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = LocalEcrCommandLine.Parse([]);
        Assert.Equal(0, options.Port);
        Assert.Null(options.DataDirectory);
        Assert.Equal("123456789012", options.AccountId);
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal("test", options.AccessKeyId);
        Assert.Equal("test", options.SecretAccessKey);
        Assert.Equal(TimeSpan.FromHours(12), options.TokenLifetime);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = LocalEcrCommandLine.Parse(["--port", "5123", "--data", "/tmp/x", "--account", "210987654321", "--region", "eu-west-1", "--access-key", "AKIA1", "--secret-key", "s3cr3t", "--log"]);
        Assert.Equal(5123, options.Port);
        Assert.Equal("/tmp/x", options.DataDirectory);
        Assert.Equal("210987654321", options.AccountId);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("AKIA1", options.AccessKeyId);
        Assert.Equal("s3cr3t", options.SecretAccessKey);
        Assert.True(options.LogRequests);
    }

    [Theory]
    [InlineData("45", 45)]
    [InlineData("30s", 30)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    public void Lifecycle_interval_takes_seconds_minutes_or_hours(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LocalEcrCommandLine.Parse(["--lifecycle-interval", value]).LifecycleInterval);

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--access-key", "only")]
    [InlineData("--bogus", "1")]
    [InlineData("--port")]
    [InlineData("--lifecycle-interval", "0")]
    [InlineData("--lifecycle-interval", "10y")]
    [InlineData("--lifecycle-interval", "soon")]
    public void Bad_arguments_are_ECR5003(params string[] args) =>
        Assert.Equal("ECR5003", Assert.Throws<LocalEcrException>(() => LocalEcrCommandLine.Parse(args)).Code);

    [Fact]
    public async Task Bad_options_and_a_busy_port_are_refused_at_start()
    {
        Assert.Equal("ECR5003", (await Assert.ThrowsAsync<LocalEcrException>(() => LocalEcrServer.StartAsync(new LocalEcrOptions { AccountId = "42" }))).Code);
        await using var first = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var busy = await Assert.ThrowsAsync<LocalEcrException>(() => LocalEcrServer.StartAsync(new LocalEcrOptions { Port = first.Endpoint.Port }));
        Assert.Equal("ECR5001", busy.Code);
    }

    [Fact]
    public async Task A_foreign_file_in_the_repository_store_is_ECR5004()
    {
        var data = Path.Combine(Testing.TestEnvironment.WorkDirectory, "localecr-foreign-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(data, "repositories"));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(data, "repositories", "foreign.json"), "not json");
            var error = await Assert.ThrowsAsync<LocalEcrException>(() => LocalEcrServer.StartAsync(new LocalEcrOptions { DataDirectory = data }));
            Assert.Equal("ECR5004", error.Code);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
