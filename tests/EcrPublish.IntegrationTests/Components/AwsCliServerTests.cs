using EcrPublish.IntegrationTests.Cli;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Components;

/// <summary>
/// The AWS CLI server the suite runs its <c>aws</c> calls through answers each call byte for byte as a child
/// <c>aws</c> process does, and no credentials, configuration or time zone leak from one call into the next.
/// </summary>
public sealed class AwsCliServerTests
{
    [Theory]
    [InlineData("ECRPUB_AWS_V2")]
    [InlineData("ECRPUB_AWS_V1")]
    public async Task Each_call_prints_exactly_what_a_child_aws_process_prints(string variable)
    {
        var executable = TestEnvironment.Require(variable);
        var name = $"cli-server-{Guid.NewGuid().ToString("N")[..8]}";
        var profiles = Directory.CreateTempSubdirectory("aws-cli-server-");
        try
        {
            var config = Path.Combine(profiles.FullName, "config");
            var credentials = Path.Combine(profiles.FullName, "credentials");
            await File.WriteAllTextAsync(config, "[default]\nregion = us-east-1\noutput = table\n");
            await File.WriteAllTextAsync(credentials, "[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
            var endpoint = TestEnvironment.MotoUrl;
            (await ProcessRunner.RunAsync(executable, ["--endpoint-url", endpoint, "ecr", "create-repository", "--repository-name", name], CliParityRunner.Environment()))
                .EnsureSuccess();

            // Alternating settings: anything a call left behind (credentials, profile files, TZ) shows as a difference.
            (string[] Arguments, Dictionary<string, string?> Environment)[] calls =
            [
                (["ecr", "describe-repositories", "--repository-names", name], With(("AWS_CONFIG_FILE", config), ("AWS_SHARED_CREDENTIALS_FILE", credentials), ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null), ("TZ", "Asia/Tokyo"))),
                (["ecr", "describe-repositories", "--repository-names", name], With(("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null))),
                (["ecr", "describe-repositories", "--repository-names", name, "--output", "table"], With()),
                (["ecr", "describe-repositories", "--repository-names", "missing-" + name], With()),
                (["ecr", "describe-repositories", "--repository-names", "ünïcödé"], With()),
                (["ecr", "create-repository"], With()),
            ];
            using var server = await AwsCliServer.StartAsync(executable, TimeSpan.FromMinutes(1));
            foreach (var (arguments, environment) in calls)
            {
                string[] argv = ["--endpoint-url", endpoint, .. arguments];
                var child = await ProcessRunner.RunAsync(executable, argv, environment);
                var served = await server.RunAsync(argv, environment, null, null, TimeSpan.FromMinutes(1));

                var call = string.Join(' ', arguments) + " with " + string.Join(' ', environment.Where(e => e.Key is "TZ" or "AWS_CONFIG_FILE" or "AWS_ACCESS_KEY_ID"));
                Assert.True(child.ExitCode == served.ExitCode, $"{call}: exit code {served.ExitCode}, child {child.ExitCode}\n{served.StandardError}");
                Assert.Equal(child.StandardOutput, served.StandardOutput);
                Assert.Equal(child.StandardError, served.StandardError);
            }
        }
        finally
        {
            profiles.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_executable_the_server_cannot_run_runs_as_a_child_process()
    {
        var result = await AwsCliRunner.RunAsync("/bin/echo", ["ecr", "describe-repositories"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ecr describe-repositories\n", result.StandardOutput);
    }

    private static Dictionary<string, string?> With(params (string Name, string? Value)[] changes)
    {
        var environment = CliParityRunner.Environment();
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in changes)
        {
            environment[name] = value;
        }

        return environment;
    }
}
