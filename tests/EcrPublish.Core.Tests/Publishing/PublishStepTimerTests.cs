using EcrPublish.Publishing;
using Xunit;

namespace EcrPublish.Core.Tests.Publishing;

/// <summary>The step timings of the publish log: one detail line per step, with its time and when it ran.</summary>
public sealed class PublishStepTimerTests
{
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        // Every reading is half a second after the one before.
        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond / 2);
    }

    [Fact]
    public async Task Each_step_logs_its_time_and_when_it_ran_from_the_start_and_a_failed_one_says_so()
    {
        var log = new RecordingPublishLog();
        var timer = new PublishStepTimer(log, new SteppingClock());

        Assert.Equal(42, await timer.TimeAsync("push", () => Task.FromResult(42)));
        Assert.Throws<InvalidOperationException>(() => timer.Time<int>("attach", () => throw new InvalidOperationException("no")));

        Assert.Equal(
        [
            "EcrPublish: timing push 0.50 s (0.50 s to 1.00 s)",
            "EcrPublish: timing attach failed after 0.50 s (1.50 s to 2.00 s)",
        ], log.Lines);
    }
}
