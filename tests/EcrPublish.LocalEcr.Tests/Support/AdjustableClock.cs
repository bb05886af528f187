namespace EcrPublish.LocalEcr.Tests.Support;

/// <summary>The system clock plus an offset that a test can move forward (to expire tokens), or stop (to make rates deterministic).</summary>
internal sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    /// <summary>When set, time stands still at this instant (plus <see cref="Offset"/>).</summary>
    public DateTimeOffset? FrozenAt { get; set; }

    public override DateTimeOffset GetUtcNow() => (FrozenAt ?? base.GetUtcNow()) + Offset;
}
