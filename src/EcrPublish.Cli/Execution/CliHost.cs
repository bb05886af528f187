using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Progress;

namespace EcrPublish.Cli.Execution;

/// <summary>What the application needs from the outside world: the ECR transport, streams, environment, clock.</summary>
internal sealed record CliHost(
    Func<GlobalOptions, IEcrOperationInvoker> CreateInvoker,
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> Environment,
    int TerminalWidth,
    TimeZoneInfo TimeZone,
    Func<TimeSpan, CancellationToken, Task> Delay)
{
    /// <summary>How long-running commands show progress on <see cref="Error"/>; plain lines unless set.</summary>
    public ProgressMode ProgressMode { get; init; } = ProgressMode.Plain;
}
