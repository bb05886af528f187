using System.Text.Json.Nodes;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.Progress;
using Xunit;

namespace EcrPublish.Cli.Tests.Progress;

/// <summary>
/// Progress of whole commands through <see cref="CliApplication"/>: on stderr only, plain when redirected, a live
/// line on a terminal, and never anything extra on stdout.
/// </summary>
public sealed class CommandProgressTests
{
    [Fact]
    public async Task Redirected_cleanup_reports_each_batch_as_a_plain_line_on_stderr()
    {
        var (exitCode, stdout, stderr, invoker) = await RunAsync(ProgressMode.Plain, ["images", "cleanup", "--repository-name", "app", "--untagged"], UntaggedImages(150), Manifests, Manifests, Deleted, Deleted);

        Assert.Equal(0, exitCode);
        Assert.Equal(5, invoker.Requests.Count);
        Assert.Equal(
            "Listing the untagged images of app\nReading 150 manifests of app\nDeleting batch 1 of 2 (100 images) from app\nDeleting batch 2 of 2 (50 images) from app\n",
            stderr);
        Assert.DoesNotContain("batch", stdout, StringComparison.Ordinal);
        Assert.EndsWith("Deleted 150 of 150 untagged images in app.\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_cleanup_draws_a_live_line_and_clears_it_at_the_end()
    {
        var (exitCode, stdout, stderr, _) = await RunAsync(ProgressMode.Terminal, ["images", "cleanup", "--repository-name", "app", "--untagged"], UntaggedImages(150), Manifests, Manifests, Deleted, Deleted);

        Assert.Equal(0, exitCode);
        // The spinner frame and the seconds follow the wall clock, which a busy machine slows: any frame, any time.
        Assert.Matches(@"\r\u001b\[2K[|/\-\\] Deleting batch 2 of 2 \(50 images\) from app \(\d+s\)", stderr);
        Assert.EndsWith(ProgressLineRenderer.ClearLine, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
    }

    [Fact]
    public async Task Redirected_waits_print_nothing_but_the_aws_cli_output()
    {
        var (exitCode, stdout, stderr, _) = await RunAsync(ProgressMode.Plain, WaitWords, InProgress, InProgress, Complete);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task On_a_terminal_waits_show_the_attempt_and_leave_stdout_empty()
    {
        var (exitCode, stdout, stderr, _) = await RunAsync(ProgressMode.Terminal, WaitWords, InProgress, InProgress, Complete);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("Waiting for image-scan-complete: attempt 3 of 60, every 5s", stderr, StringComparison.Ordinal);
        Assert.EndsWith(ProgressLineRenderer.ClearLine, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_a_failed_wait_clears_the_live_line_before_the_error()
    {
        var (exitCode, _, stderr, _) = await RunAsync(ProgressMode.Terminal, WaitWords, _ => """{"imageScanStatus":{"status":"FAILED"}}""");

        Assert.Equal(ExitCodes.GeneralError, exitCode);
        Assert.Contains(ProgressLineRenderer.ClearLine + "\nWaiter ImageScanComplete failed:", stderr, StringComparison.Ordinal);
    }

    private static readonly string[] WaitWords = ["wait", "image-scan-complete", "--repository-name", "app", "--image-id", "imageTag=v1"];

    private static string InProgress(JsonObject request) => """{"imageScanStatus":{"status":"IN_PROGRESS"}}""";

    private static string Complete(JsonObject request) => """{"imageScanStatus":{"status":"COMPLETE"}}""";

    private static Func<JsonObject, string> UntaggedImages(int count) => _ => new JsonObject
    {
        ["imageDetails"] = new JsonArray(Enumerable.Range(0, count)
            .Select(i => (JsonNode)new JsonObject { ["imageDigest"] = $"sha256:{i:x64}", ["imagePushedAt"] = 1700000000 })
            .ToArray()),
    }.ToJsonString();

    private static string Manifests(JsonObject request) => new JsonObject
    {
        ["images"] = new JsonArray([.. request["imageIds"]!.AsArray().Select(id => (JsonNode)new JsonObject
        {
            ["imageId"] = id!.DeepClone(),
            ["imageManifest"] = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""",
        })]),
    }.ToJsonString();

    private static string Deleted(JsonObject request) => new JsonObject { ["imageIds"] = request["imageIds"]!.DeepClone(), ["failures"] = new JsonArray() }.ToJsonString();

    private static async Task<(int ExitCode, string Stdout, string Stderr, ScriptedInvoker Invoker)> RunAsync(
        ProgressMode mode, string[] args, params Func<JsonObject, string>[] replies)
    {
        var invoker = new ScriptedInvoker(replies);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost(_ => invoker, stdout, stderr, _ => null, 80, TimeZoneInfo.Utc, (_, _) => Task.CompletedTask) { ProgressMode = mode };

        var exitCode = await new CliApplication(host).RunAsync(args, CancellationToken.None);
        return (exitCode, stdout.ToString(), stderr.ToString(), invoker);
    }
}
