namespace EcrPublish.Scanning;

/// <summary>
/// How long to wait for a scan. The defaults are botocore's ImageScanComplete waiter (5 s × 60); the
/// pipeline caps the total with EcrScanTimeout.
/// </summary>
/// <param name="Delay">Pause between two polls.</param>
/// <param name="Timeout">Give up after this long.</param>
public sealed record ScanWaitPolicy(TimeSpan Delay, TimeSpan Timeout)
{
    public static ScanWaitPolicy Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
}
