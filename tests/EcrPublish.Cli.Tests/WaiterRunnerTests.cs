using System.Text.Json.Nodes;
using EcrPublish.Cli.Execution;
using EcrPublish.Cli.ServiceModel;
using Xunit;

namespace EcrPublish.Cli.Tests;

/// <summary>The ImageScanComplete waiter from waiters-2.json, run with botocore's semantics and no real sleeping.</summary>
public sealed class WaiterRunnerTests
{
    private static readonly WaiterModel s_waiter = EcrServiceModel.Instance.Waiters["image-scan-complete"];
    private static readonly OperationModel s_operation = EcrServiceModel.Instance.OperationByName(s_waiter.Operation);

    [Fact]
    public async Task Polls_with_the_model_delay_until_the_scan_is_complete()
    {
        var delays = new List<TimeSpan>();
        var invoker = new ScriptedInvoker(
            _ => """{"imageScanStatus":{"status":"IN_PROGRESS"}}""",
            _ => """{"imageScanStatus":{"status":"IN_PROGRESS"}}""",
            _ => """{"imageScanStatus":{"status":"COMPLETE"}}""");

        await Runner(invoker, delays).WaitAsync(s_waiter, s_operation, [], CancellationToken.None);

        Assert.Equal(3, invoker.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], delays);
    }

    [Fact]
    public async Task A_failed_scan_fails_the_wait_with_botocore_wording()
    {
        var invoker = new ScriptedInvoker(_ => """{"imageScanStatus":{"status":"FAILED"}}""");

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => Runner(invoker, []).WaitAsync(s_waiter, s_operation, [], CancellationToken.None));

        Assert.Equal("Waiter ImageScanComplete failed: Waiter encountered a terminal failure state: For expression \"imageScanStatus.status\" we matched expected path: \"FAILED\"", error.Message);
    }

    [Fact]
    public async Task A_service_error_no_acceptor_expects_ends_the_wait_at_once()
    {
        var invoker = new ScriptedInvoker(_ => "error:ScanNotFoundException");

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => Runner(invoker, []).WaitAsync(s_waiter, s_operation, [], CancellationToken.None));

        Assert.Single(invoker.Requests);
        Assert.Equal("Waiter ImageScanComplete failed: An error occurred (ScanNotFoundException): scripted failure", error.Message);
    }

    [Fact]
    public async Task Gives_up_after_the_model_maximum_attempts()
    {
        var invoker = new ScriptedInvoker(_ => """{"imageScanStatus":{"status":"IN_PROGRESS"}}""");

        var error = await Assert.ThrowsAsync<WaiterFailedException>(() => Runner(invoker, []).WaitAsync(s_waiter, s_operation, new JsonObject(), CancellationToken.None));

        Assert.Equal(s_waiter.MaxAttempts, invoker.Requests.Count);
        Assert.Equal("Waiter ImageScanComplete failed: Max attempts exceeded", error.Message);
    }

    private static WaiterRunner Runner(ScriptedInvoker invoker, List<TimeSpan> delays) =>
        new(new OperationCaller(invoker, TimeZoneInfo.Utc), (delay, _) =>
        {
            delays.Add(delay);
            return Task.CompletedTask;
        });
}
