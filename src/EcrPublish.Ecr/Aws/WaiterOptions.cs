namespace EcrPublish.Aws;

/// <summary>How often and how long a waiter polls (botocore waiters-2.json defaults).</summary>
public sealed record WaiterOptions(TimeSpan Delay, int MaxAttempts)
{
    /// <summary>ImageScanComplete: every 5 s, at most 60 attempts.</summary>
    public static WaiterOptions ImageScanComplete { get; } = new(TimeSpan.FromSeconds(5), 60);

    /// <summary>LifecyclePolicyPreviewComplete: every 5 s, at most 20 attempts.</summary>
    public static WaiterOptions LifecyclePolicyPreviewComplete { get; } = new(TimeSpan.FromSeconds(5), 20);
}
