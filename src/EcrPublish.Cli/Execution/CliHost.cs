using EcrPublish.Cli.Arguments;

namespace EcrPublish.Cli.Execution;

/// <summary>What the application needs from the outside world: the ECR transport, streams, environment, clock.</summary>
internal sealed record CliHost(
    Func<GlobalOptions, IEcrOperationInvoker> CreateInvoker,
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> Environment,
    int TerminalWidth,
    TimeZoneInfo TimeZone,
    Func<TimeSpan, CancellationToken, Task> Delay);
