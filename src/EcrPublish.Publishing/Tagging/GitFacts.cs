namespace EcrPublish.Tagging;

/// <summary>The facts about the commit being published that tags and image labels are made from.</summary>
/// <param name="Sha">Full 40-character commit id, or null when unknown.</param>
/// <param name="CommitTime">Committer time of HEAD, or null when only CI variables were available.</param>
/// <param name="Branch">Branch name (not sanitised), or null on a detached HEAD without CI help.</param>
/// <param name="IsDirty">True when tracked files differ from HEAD.</param>
/// <param name="TagAtHead">A git tag that points at HEAD (the ordinally first when several do), or null.</param>
/// <param name="Source">Where the facts came from.</param>
public sealed record GitFacts(
    string? Sha,
    DateTimeOffset? CommitTime,
    string? Branch,
    bool IsDirty,
    string? TagAtHead,
    GitFactsSource Source)
{
    public static GitFacts Unknown { get; } = new(null, null, null, false, null, GitFactsSource.None);
}
