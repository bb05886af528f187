using System.Text.Json.Nodes;
using EcrPublish.IntegrationTests.Cli;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Docs;

/// <summary>The policy the README shows for the CI recipes' role is what its own <c>dotnet ecr iam-policy</c> line prints today.</summary>
public sealed class ReadmeIamPolicyTests
{
    [Fact]
    public async Task The_readme_policy_is_what_its_command_prints()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        var command = Array.FindIndex(lines, line => line.StartsWith("dotnet ecr iam-policy --project ", StringComparison.Ordinal));
        Assert.True(command >= 0, "the README shows no 'dotnet ecr iam-policy --project' command");
        var start = Array.FindIndex(lines, command, line => line == "```json") + 1;
        var end = Array.FindIndex(lines, start, line => line == "```");
        var shown = string.Join('\n', lines[start..end]);
        string[] words = [.. lines[command].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2)];

        var printed = await ProcessRunner.RunAsync("dotnet", [CliParityRunner.DotnetEcrAssembly, .. words],
            new Dictionary<string, string?> { ["AWS_PROFILE"] = null, ["AWS_REGION"] = null }, workingDirectory: RepositoryRoot.Path, timeout: TimeSpan.FromMinutes(2));

        Assert.True(printed.ExitCode == 0, printed.Output);
        Assert.Equal(printed.StandardOutput.TrimEnd('\n'), shown);
        Assert.NotNull(JsonNode.Parse(shown));
    }
}
