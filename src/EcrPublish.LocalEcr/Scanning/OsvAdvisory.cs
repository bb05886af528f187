namespace EcrPublish.LocalEcr.Scanning;

/// <summary>One OSV entry narrowed to what matching needs: which package in which ecosystem, and the affected versions.</summary>
/// <param name="Id">The OSV id (a CVE id becomes the finding's name).</param>
/// <param name="Summary">The summary or details text.</param>
/// <param name="Severity">An ECR severity: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNDEFINED.</param>
/// <param name="Ecosystem">The ecosystem the entry is about.</param>
/// <param name="PackageName">The package (Debian: source package) name.</param>
/// <param name="Ranges">Affected intervals: introduced (inclusive) to fixed (exclusive) or last-affected (inclusive).</param>
/// <param name="Versions">Versions listed as affected one by one.</param>
/// <param name="Uri">A reference URL, if the entry has one.</param>
internal sealed record OsvAdvisory(
    string Id,
    string Summary,
    string Severity,
    PackageEcosystem Ecosystem,
    string PackageName,
    IReadOnlyList<OsvRange> Ranges,
    IReadOnlyList<string> Versions,
    string? Uri);
