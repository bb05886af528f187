using System.Reflection;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Help;
using EcrPublish.Cli.ServiceModel;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>Help for every command, with the cheat sheet's examples written for dotnet ecr.</summary>
public sealed class HelpWriterTests
{
    [Fact]
    public async Task Every_command_and_waiter_has_help_and_cheat_sheet_commands_show_their_examples()
    {
        var model = EcrServiceModel.Instance;
        var commands = model.Operations.Keys.Select(k => new[] { k })
            .Concat(model.Waiters.Keys.Select(k => new[] { "wait", k }))
            .Append(["get-login-password"]);

        foreach (var command in commands)
        {
            var (exitCode, output) = await RunAsync([.. command, "--help"]);
            var name = string.Join(' ', command);

            Assert.True(exitCode == 0, name);
            Assert.Contains("NAME\n    " + name, output, StringComparison.Ordinal);
            if (CheatSheetExamples.For(name).Count > 0)
            {
                Assert.Contains("EXAMPLES\n", output, StringComparison.Ordinal);
                Assert.Contains("dotnet ecr " + name, output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Cheat_sheet_examples_cover_its_commands_with_their_comments()
    {
        var examples = CheatSheetExamples.For("describe-images");

        Assert.Contains(examples, e => e.StartsWith("# Find untagged images\ndotnet ecr describe-images \\", StringComparison.Ordinal));
        Assert.NotEmpty(CheatSheetExamples.For("wait image-scan-complete"));
        Assert.NotEmpty(CheatSheetExamples.For("get-login-password"));
        Assert.NotEmpty(CheatSheetExamples.For("create-pull-through-cache-rule"));
    }

    [Fact]
    public async Task Options_list_types_and_shorthand_syntax()
    {
        var (_, output) = await RunAsync(["create-repository", "help"]);

        Assert.Contains("    --repository-name <value>\n", output, StringComparison.Ordinal);
        Assert.Contains("    [--tags <value>]\n", output, StringComparison.Ordinal);
        Assert.Contains("--tags Key=string,Value=string ...", output, StringComparison.Ordinal);
        Assert.Contains("--image-scanning-configuration scanOnPush=boolean", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("describe-images", "--version")]
    public async Task Version_names_the_tool_and_the_package_with_their_one_version_and_calls_nothing(params string[] args)
    {
        var (exitCode, output) = await RunAsync(args);

        var informational = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var version = informational.Split('+')[0];
        Assert.Equal(0, exitCode);
        Assert.Matches(@"^dotnet-ecr/(\S+) EcrPublish/\1 (commit/[0-9a-f]{1,12} )?\.NET/\d+\.\d+\.\d+\S* (Linux|Darwin|Windows|Other)/\w+\n$", output);
        Assert.StartsWith($"dotnet-ecr/{version} EcrPublish/{version} ", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(
            _ => throw new InvalidOperationException("help must not call ECR"),
            output, error, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);
        var exitCode = await new CliApplication(host).RunAsync(args, CancellationToken.None);
        return (exitCode, output.ToString() + error);
    }
}
