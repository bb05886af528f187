namespace EcrPublish.Docker;

/// <summary>
/// Decides which build-context files a .dockerignore excludes. Lines apply in order and the last matching line
/// wins, so <c>!keep.txt</c> after <c>*.txt</c> keeps keep.txt; a line that matches a directory matches everything in it.
/// </summary>
public sealed class DockerIgnoreMatcher
{
    private readonly IReadOnlyList<DockerIgnorePattern> _patterns;

    private DockerIgnoreMatcher(IReadOnlyList<DockerIgnorePattern> patterns)
    {
        _patterns = patterns;
    }

    /// <summary>A matcher that excludes nothing.</summary>
    public static DockerIgnoreMatcher Empty { get; } = new([]);

    /// <summary>The patterns, as cleaned (exceptions prefixed with '!').</summary>
    public IEnumerable<string> Patterns => _patterns.Select(pattern => (pattern.IsException ? "!" : string.Empty) + pattern.Text);

    /// <summary>Parses the text of a .dockerignore file.</summary>
    public static DockerIgnoreMatcher Parse(string content) =>
        new(content.Split('\n').Select(DockerIgnorePattern.Parse).OfType<DockerIgnorePattern>().ToList());

    /// <summary>Reads a .dockerignore file; a missing file excludes nothing.</summary>
    public static DockerIgnoreMatcher Load(string? path) =>
        path is not null && File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>True when the file at <paramref name="relativePath"/> (relative to the context root, '/'-separated) is excluded.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = relativePath.TrimStart('/');
        var excluded = false;
        foreach (var pattern in _patterns)
        {
            // Only a line that could flip the answer needs evaluating.
            if (pattern.IsException == excluded && pattern.MatchesOrParentMatches(path))
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }
}
