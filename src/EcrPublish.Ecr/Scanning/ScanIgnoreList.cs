namespace EcrPublish.Scanning;

/// <summary>The <c>EcrScanIgnore</c> entries of one publish, split on a given day into those in force and those expired.</summary>
public sealed class ScanIgnoreList
{
    private ScanIgnoreList(IReadOnlyList<ScanIgnore> active, IReadOnlyList<ScanIgnore> expired)
    {
        Active = active;
        Expired = expired;
    }

    /// <summary>No ignores.</summary>
    public static ScanIgnoreList None { get; } = new([], []);

    /// <summary>Ignores that still hold: their findings do not fail the gate.</summary>
    public IReadOnlyList<ScanIgnore> Active { get; }

    /// <summary>Ignores whose date has passed: they ignore nothing, and the publish warns about each.</summary>
    public IReadOnlyList<ScanIgnore> Expired { get; }

    /// <summary>Splits <paramref name="ignores"/> as of <paramref name="today"/> (UTC).</summary>
    public static ScanIgnoreList On(IEnumerable<ScanIgnore> ignores, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(ignores);
        var all = ignores.ToList();
        return new ScanIgnoreList(
            [.. all.Where(ignore => !ignore.IsExpiredOn(today))],
            [.. all.Where(ignore => ignore.IsExpiredOn(today))]);
    }

    /// <summary>The ignore in force for this finding, or null.</summary>
    public ScanIgnore? For(ScanFinding finding) => Active.FirstOrDefault(ignore => ignore.Matches(finding));
}
