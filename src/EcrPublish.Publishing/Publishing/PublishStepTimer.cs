using System.Globalization;

namespace EcrPublish.Publishing;

/// <summary>
/// Says at detailed verbosity (MSBuild <c>-v:d</c>) how long each step of a publish took and when it ran, so that where
/// the time goes can be read from any publish log: <c>EcrPublish: timing push 3.21 s (1.02 s to 4.23 s)</c>. The two
/// figures in brackets count from the timer's creation (the start of the publish), which shows steps that overlap.
/// </summary>
/// <param name="log">Where the lines go (<see cref="IPublishLog.Detail"/>).</param>
/// <param name="time">The clock; the system's when null.</param>
public sealed class PublishStepTimer(IPublishLog log, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _origin = (time ?? TimeProvider.System).GetTimestamp();

    /// <summary>Runs <paramref name="step"/> and logs its time, also when it fails ("failed after").</summary>
    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var started = _time.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = await step().ConfigureAwait(false);
            succeeded = true;
            return result;
        }
        finally
        {
            Log(name, started, succeeded);
        }
    }

    /// <summary>Runs <paramref name="step"/> and logs its time.</summary>
    public async Task TimeAsync(string name, Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        await TimeAsync(name, async () =>
        {
            await step().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Runs the synchronous <paramref name="step"/> and logs its time.</summary>
    public T Time<T>(string name, Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var started = _time.GetTimestamp();
        var succeeded = false;
        try
        {
            var result = step();
            succeeded = true;
            return result;
        }
        finally
        {
            Log(name, started, succeeded);
        }
    }

    private void Log(string name, long started, bool succeeded)
    {
        var ended = _time.GetTimestamp();
        var took = _time.GetElapsedTime(started, ended).TotalSeconds;
        var from = _time.GetElapsedTime(_origin, started).TotalSeconds;
        var to = _time.GetElapsedTime(_origin, ended).TotalSeconds;
        log.Detail(string.Create(CultureInfo.InvariantCulture,
            $"EcrPublish: timing {name} {(succeeded ? "" : "failed after ")}{took:F2} s ({from:F2} s to {to:F2} s)"));
    }
}
