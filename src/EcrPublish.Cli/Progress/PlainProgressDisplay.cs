namespace EcrPublish.Cli.Progress;

/// <summary>Progress as plain lines: each new status once, no escape sequences, nothing redrawn.</summary>
internal sealed class PlainProgressDisplay(TextWriter writer) : IProgressDisplay
{
    private readonly object _lock = new();
    private string? _lastStatus;

    public void Status(string text)
    {
        lock (_lock)
        {
            if (text == _lastStatus)
            {
                return;
            }

            _lastStatus = text;
            writer.Write(text + "\n");
            writer.Flush();
        }
    }

    public void Line(string text)
    {
        lock (_lock)
        {
            writer.Write(text + "\n");
            writer.Flush();
        }
    }

    public void Print(TextWriter output, string text)
    {
        lock (_lock)
        {
            output.Write(text);
        }
    }

    public void Dispose()
    {
    }
}
