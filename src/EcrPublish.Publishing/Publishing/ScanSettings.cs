using EcrPublish.Scanning;

namespace EcrPublish.Publishing;

/// <summary>What to do with image scanning after the push.</summary>
/// <param name="Mode">None, Wait or Start; null means Wait when the repository scans on push, else None.</param>
/// <param name="Timeout">How long to wait for scan results (<c>EcrScanTimeout</c>).</param>
/// <param name="FailOnSeverity">Fail the build on findings of this severity or worse; null never fails.</param>
public sealed record ScanSettings(ScanMode? Mode, TimeSpan Timeout, FindingSeverity? FailOnSeverity)
{
    /// <summary>Accepted findings (<c>EcrScanIgnore</c>); split into those in force and those expired on the day of the publish.</summary>
    public IReadOnlyList<ScanIgnore> Ignores { get; init; } = [];

    /// <summary><c>EcrScanFailOnFixableOnly</c>: findings enhanced scanning reports with no fix do not fail the gate.</summary>
    public bool FailOnFixableOnly { get; init; }

    /// <summary><c>EcrScanSarifFile</c>: where to write the findings as SARIF 2.1.0 (full path), or null.</summary>
    public string? SarifFile { get; init; }
}
