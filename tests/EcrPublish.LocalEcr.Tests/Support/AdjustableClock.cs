namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>The system clock plus an offset that a test can move forward (to expire tokens).</summary>
internal sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
