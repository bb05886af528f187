namespace EcrPublish.Cli.ServiceModel;

/// <summary>
/// A waiter acceptor: when <see cref="Matcher"/> (path, pathAll, pathAny, status, error) finds
/// <see cref="Expected"/>, the waiter enters <see cref="State"/> (success, failure, retry).
/// </summary>
internal sealed record WaiterAcceptor(string State, string Matcher, string? Argument, string Expected);
