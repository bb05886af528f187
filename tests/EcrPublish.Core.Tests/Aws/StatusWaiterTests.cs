using EcrPublish.Aws;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

/// <summary>The botocore waiter loop, driven by a scripted sequence of statuses.</summary>
public sealed class StatusWaiterTests
{
    private static readonly WaiterOptions Fast = new(TimeSpan.FromMilliseconds(1), 4);

    [Fact]
    public async Task Polls_until_COMPLETE()
    {
        var statuses = new Queue<string?>(["IN_PROGRESS", null, "COMPLETE"]);
        var polls = 0;

        var result = await StatusWaiter.WaitAsync("ImageScanComplete", _ => { polls++; return Task.FromResult(statuses.Dequeue()); }, s => (s, null), Fast, TimeProvider.System, default);

        Assert.Equal("COMPLETE", result);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task FAILED_is_a_coded_failure_with_the_description()
    {
        var error = await Assert.ThrowsAsync<EcrClientException>(() => StatusWaiter.WaitAsync(
            "ImageScanComplete", _ => Task.FromResult("FAILED"), s => (s, "UnsupportedImageError"), Fast, TimeProvider.System, default));

        Assert.Equal(AwsClientErrorCodes.WaiterFailed, error.Code);
        Assert.Contains("UnsupportedImageError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_status()
    {
        var polls = 0;

        var error = await Assert.ThrowsAsync<EcrClientException>(() => StatusWaiter.WaitAsync(
            "LifecyclePolicyPreviewComplete", _ => { polls++; return Task.FromResult("IN_PROGRESS"); }, s => (s, null), Fast, TimeProvider.System, default));

        Assert.Equal(AwsClientErrorCodes.WaiterTimedOut, error.Code);
        Assert.Equal(4, polls);
        Assert.Contains("'IN_PROGRESS'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_match_botocore_waiters()
    {
        Assert.Equal(new WaiterOptions(TimeSpan.FromSeconds(5), 60), WaiterOptions.ImageScanComplete);
        Assert.Equal(new WaiterOptions(TimeSpan.FromSeconds(5), 20), WaiterOptions.LifecyclePolicyPreviewComplete);
    }
}
