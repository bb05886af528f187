namespace EcrPublish.Publishing;

/// <summary>What to do with image scanning after the push.</summary>
/// <param name="Mode">None, Wait or Start; null means Wait when the repository scans on push, else None.</param>
/// <param name="Timeout">How long to wait for scan results (<c>EcrScanTimeout</c>).</param>
/// <param name="FailOnSeverity">Fail the build on findings of this severity or worse; null never fails.</param>
public sealed record ScanSettings(ScanMode? Mode, TimeSpan Timeout, FindingSeverity? FailOnSeverity);
