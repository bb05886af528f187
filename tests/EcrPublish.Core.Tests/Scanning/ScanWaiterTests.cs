using EcrPublish.Scanning;
using Xunit;

namespace EcrPublish.Core.Tests.Scanning;

public sealed class ScanWaiterTests
{
    private static readonly ScanWaitPolicy Quick = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));

    private static ScanResult Status(string status) => new(status, null, new Dictionary<string, int>(), []);

    [Fact]
    public async Task Waits_through_not_found_and_in_progress_until_complete()
    {
        var answers = new Queue<ScanResult?>([null, Status("IN_PROGRESS"), Status("PENDING"), Status("COMPLETE")]);
        var polls = 0;

        var result = await new ScanWaiter(Quick, TimeProvider.System).WaitAsync(_ =>
        {
            polls++;
            return Task.FromResult(answers.Dequeue());
        }, CancellationToken.None);

        Assert.Equal("COMPLETE", result.Status);
        Assert.Equal(4, polls);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("UNSUPPORTED_IMAGE")]
    [InlineData("ACTIVE")]
    public async Task Stops_at_the_first_terminal_status(string status)
    {
        var polls = 0;

        var result = await new ScanWaiter(Quick, TimeProvider.System).WaitAsync(_ =>
        {
            polls++;
            return Task.FromResult<ScanResult?>(Status(status));
        }, CancellationToken.None);

        Assert.Equal(status, result.Status);
        Assert.Equal(1, polls);
    }

    [Fact]
    public async Task Gives_up_with_its_code_and_the_last_status_when_the_timeout_passes()
    {
        var policy = new ScanWaitPolicy(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<EcrPublishException>(() => new ScanWaiter(policy, TimeProvider.System)
            .WaitAsync(_ => Task.FromResult<ScanResult?>(Status("IN_PROGRESS")), CancellationToken.None));

        Assert.Equal("ECR4503", error.Code);
        Assert.Contains("IN_PROGRESS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_past_the_end_of_the_calendar_waits_instead_of_overflowing()
    {
        var answers = new Queue<ScanResult?>([Status("IN_PROGRESS"), Status("COMPLETE")]);

        var result = await new ScanWaiter(new ScanWaitPolicy(TimeSpan.FromMilliseconds(1), TimeSpan.MaxValue), TimeProvider.System)
            .WaitAsync(_ => Task.FromResult(answers.Dequeue()), CancellationToken.None);

        Assert.Equal("COMPLETE", result.Status);
    }
}
