using Microsoft.Build.Framework;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>A real MSBuild logger that keeps every event of a build, task inputs included.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<BuildEventArgs> _events = [];

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

    public string? Parameters { get; set; }

    public IReadOnlyList<BuildEventArgs> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Initialize(IEventSource eventSource)
    {
        if (eventSource is IEventSource3 withTaskInputs)
        {
            withTaskInputs.IncludeTaskInputs();
        }

        eventSource.AnyEventRaised += (_, e) =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        };
    }

    public void Shutdown()
    {
    }
}
