namespace EcrPublish.LocalEcr.Scanning;

/// <summary>One affected interval of an OSV range; "0" as <see cref="Introduced"/> means every earlier version.</summary>
internal sealed record OsvRange(string Introduced, string? Fixed, string? LastAffected)
{
    public bool Contains(string version, IComparer<string> comparer) =>
        (Introduced == "0" || comparer.Compare(version, Introduced) >= 0)
        && (Fixed is null || comparer.Compare(version, Fixed) < 0)
        && (LastAffected is null || comparer.Compare(version, LastAffected) <= 0);
}
