namespace EcrPublish.Cli.ServiceModel;

/// <summary>One waiter of waiters-2.json (e.g. <c>ImageScanComplete</c>).</summary>
internal sealed record WaiterModel(
    string Name,
    string CliName,
    string Operation,
    string Description,
    int DelaySeconds,
    int MaxAttempts,
    IReadOnlyList<WaiterAcceptor> Acceptors);
