namespace EcrPublish.Cli.Execution;

/// <summary>botocore's <c>WaiterError</c>: <c>Waiter ImageScanComplete failed: ...</c> (exit code 255).</summary>
internal sealed class WaiterFailedException(string waiterName, string reason)
    : Exception($"Waiter {waiterName} failed: {reason}");
