namespace EcrPublish.Cli.Progress;

/// <summary>
/// Progress on a terminal: one live line (spinner, status, elapsed time) redrawn in place, with lasting lines
/// printed above it. <see cref="Redraw"/> moves the spinner; <see cref="StartAnimation"/> calls it on a timer.
/// </summary>
internal sealed class TerminalProgressDisplay(TextWriter writer, int width, Func<TimeSpan> elapsed) : IProgressDisplay
{
    private readonly object _lock = new();
    private string? _status;
    private Timer? _animation;
    private bool _disposed;

    /// <summary>A display whose spinner and clock move on their own every <paramref name="interval"/>.</summary>
    public static TerminalProgressDisplay StartAnimation(TextWriter writer, int width, TimeSpan interval)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var display = new TerminalProgressDisplay(writer, width, () => clock.Elapsed);
        display._animation = new Timer(_ => display.Redraw(), null, interval, interval);
        return display;
    }

    public void Status(string text)
    {
        lock (_lock)
        {
            _status = text;
            Draw();
        }
    }

    public void Line(string text)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            writer.Write(ProgressLineRenderer.ClearLine + text + "\n");
            Draw();
        }
    }

    public void Print(TextWriter output, string text)
    {
        lock (_lock)
        {
            if (_status is not null && !_disposed)
            {
                writer.Write(ProgressLineRenderer.ClearLine);
                writer.Flush();
            }

            output.Write(text);
            output.Flush();
            Draw();
        }
    }

    /// <summary>Draws the live line again with the current spinner frame and elapsed time.</summary>
    public void Redraw()
    {
        lock (_lock)
        {
            Draw();
        }
    }

    /// <summary>Stops the animation and leaves the cursor at the start of an empty line.</summary>
    public void Dispose()
    {
        _animation?.Dispose();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_status is not null)
            {
                writer.Write(ProgressLineRenderer.ClearLine);
                writer.Flush();
            }
        }
    }

    private void Draw()
    {
        if (_disposed || _status is null)
        {
            return;
        }

        writer.Write(ProgressLineRenderer.Render(_status, elapsed(), width));
        writer.Flush();
    }
}
