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
        await MotoSeed.CreateRepositoryAsync(repository);
        await MotoSeed.PutImageAsync(repository, CheatSheetFiles.Manifest(7101));

        var terminal = (await RunOnTerminalAsync($"--endpoint-url {TestEnvironment.MotoUrl} images cleanup --repository-name {repository} --untagged")).EnsureSuccess();

        Assert.Matches(@"\r\u001b\[2K[|/\-\\] Listing the untagged images of " + repository, terminal.StandardOutput);
        // The spinner frame depends on the elapsed time: any of | / - \.
        Assert.Matches(@"\u001b\[2K[|/\-\\] Deleting batch 1 of 1 \(1 images\) from " + repository + @" \(\d+s\)", terminal.StandardOutput);
        Assert.Contains("\u001b[2KDeleted 1 of 1 untagged images in " + repository, terminal.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_a_wait_shows_its_attempts_and_clears_the_line_before_the_error()
    {
        var repository = $"cli-tty-{Guid.NewGuid().ToString("N")[..8]}";
        await MotoSeed.CreateRepositoryAsync(repository);

        var terminal = await RunOnTerminalAsync($"--endpoint-url {TestEnvironment.MotoUrl} wait image-scan-complete --repository-name {repository} --image-id imageTag=absent");

        Assert.Equal(255, terminal.ExitCode);
        Assert.Matches(@"\u001b\[2K[|/\-\\] Waiting for image-scan-complete: attempt 1 of 60, every 5s \(\d+s\)", terminal.StandardOutput);
        Assert.Matches(@"\u001b\[2K\r?\nWaiter ImageScanComplete failed: An error occurred \(ImageNotFoundException\)", terminal.StandardOutput);
    }

    [Fact]
    public async Task On_a_terminal_publish_keeps_the_errors_and_shows_the_rest_on_the_live_line()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"cli-publish-{Guid.NewGuid():N}", "Missing.csproj");

        var terminal = await RunOnTerminalAsync($"publish {missing}");

        Assert.NotEqual(0, terminal.ExitCode);
        Assert.Contains("\u001b[2K| dotnet publish " + missing + " -p:PublishToEcr=true (0s)", terminal.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\u001b[2KMSBUILD : error MSB1009: Project file does not exist.\r\n", terminal.StandardOutput, StringComparison.Ordinal);
    }

    // script's pseudo-terminal has no size of its own: it gets the width of a usual terminal window.
    private static Task<ProcessResult> RunOnTerminalAsync(string arguments)
    {
        var environment = CliParityRunner.Environment();
        environment["TERM"] = "xterm";
        var command = $"stty cols 160 rows 40; dotnet {CliParityRunner.DotnetEcrAssembly} {arguments}";
        return ProcessRunner.RunAsync("script", ["-qec", command, "/dev/null"], environment, timeout: TimeSpan.FromMinutes(2));
    }
}
