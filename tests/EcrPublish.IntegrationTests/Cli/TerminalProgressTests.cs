using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Cli;

/// <summary>
/// dotnet ecr on a real pseudo-terminal (<c>script -qec</c> from util-linux gives the child a tty for stdout and
/// stderr): the live progress line is drawn with escape sequences there, and the command's output is unchanged.
/// </summary>
public sealed class TerminalProgressTests
{
    [Fact]
    public async Task On_a_terminal_cleanup_draws_and_clears_a_live_progress_line()
    {
        var repository = $"cli-tty-{Guid.NewGuid().ToString("N")[..8]}";
        (await CliParityRunner.AwsAsync("create-repository", "--repository-name", repository)).EnsureSuccess();
        (await CliParityRunner.AwsAsync("put-image", "--repository-name", repository, "--image-manifest", CheatSheetFiles.Manifest(7101))).EnsureSuccess();
        var environment = CliParityRunner.Environment();
        environment["TERM"] = "xterm";
        // script's pseudo-terminal has no size of its own: give it the width of a usual terminal window.
        var command = $"stty cols 160 rows 40; dotnet {CliParityRunner.DotnetEcrAssembly} --endpoint-url {TestEnvironment.MotoUrl} images cleanup --repository-name {repository} --untagged";

        var terminal = (await ProcessRunner.RunAsync("script", ["-qec", command, "/dev/null"], environment, timeout: TimeSpan.FromMinutes(2))).EnsureSuccess();

        Assert.Contains("\r\u001b[2K| Listing the untagged images of " + repository, terminal.StandardOutput, StringComparison.Ordinal);
        // The spinner frame depends on the elapsed time: any of | / - \.
        Assert.Matches(@"\u001b\[2K[|/\-\\] Deleting batch 1 of 1 \(1 images\) from " + repository + @" \(\d+s\)", terminal.StandardOutput);
        Assert.Contains("\u001b[2KDeleted 1 of 1 untagged images in " + repository, terminal.StandardOutput, StringComparison.Ordinal);
    }
}
