using System.Text.RegularExpressions;
using EcrPublish.Cli.Execution;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>
/// Every <c>aws ecr</c> command the cheat sheet uses shows, in its <c>dotnet ecr ... --help</c>, an example taken
/// from the cheat sheet. The commands are found with a plain regular expression, independently of the help's own parser.
/// </summary>
public sealed partial class CheatSheetHelpTests
{
    public static TheoryData<string> CheatSheetCommands() => new(Commands());

    [Fact]
    public void The_cheat_sheet_uses_the_commands_the_issue_names()
    {
        var commands = Commands();

        Assert.Contains("create-repository", commands);
        Assert.Contains("wait image-scan-complete", commands);
        Assert.Contains("get-login-password", commands);
        Assert.Contains("create-pull-through-cache-rule", commands);
        Assert.True(commands.Count == 29, string.Join(", ", commands));
    }

    [Theory]
    [MemberData(nameof(CheatSheetCommands))]
    public async Task Help_shows_a_cheat_sheet_example_of_the_command(string command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(
            _ => throw new InvalidOperationException("help must not call ECR"),
            output, error, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask);

        var exitCode = await new CliApplication(host).RunAsync([.. command.Split(' '), "--help"], CancellationToken.None);

        var help = output.ToString();
        Assert.True(exitCode == 0, error.ToString());
        var examples = help[(help.IndexOf("\nEXAMPLES\n", StringComparison.Ordinal) is var at and >= 0 ? at : throw new Xunit.Sdk.XunitException($"{command}: no EXAMPLES section"))..];
        Assert.Contains("    dotnet ecr " + command, examples, StringComparison.Ordinal);
        Assert.DoesNotContain("aws ecr " + command, examples, StringComparison.Ordinal);
    }

    private static List<string> Commands() =>
        AwsEcrCommand().Matches(CheatSheetText()).Select(m => m.Groups["command"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string CheatSheetText()
    {
        using var stream = typeof(CliApplication).Assembly.GetManifestResourceStream("EcrPublish.Cli.Resources.cheat-sheet.md")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"aws ecr (?<command>wait [a-z-]+|[a-z-]+)")]
    private static partial Regex AwsEcrCommand();
}
