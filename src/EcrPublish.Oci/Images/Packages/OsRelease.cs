namespace EcrPublish.Images.Packages;

/// <summary>The distribution an image is built on, from its <c>etc/os-release</c> (or <c>usr/lib/os-release</c>).</summary>
/// <param name="Id">ID, e.g. <c>debian</c>, <c>alpine</c>.</param>
/// <param name="VersionId">VERSION_ID, e.g. <c>12</c>, <c>3.20.3</c>; null when the file has none (Debian testing).</param>
/// <param name="PrettyName">PRETTY_NAME, for people.</param>
public sealed record OsRelease(string Id, string? VersionId, string? PrettyName)
{
    /// <summary>The paths os-release(5) names, in the order they are consulted.</summary>
    public static IReadOnlyList<string> Paths { get; } = ["etc/os-release", "usr/lib/os-release"];

    /// <summary>Parses the shell-style <c>KEY=value</c> lines; null without an ID.</summary>
    public static OsRelease? Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at > 0 && !line.TrimStart().StartsWith('#'))
            {
                values[line[..at].Trim()] = line[(at + 1)..].Trim().Trim('"', '\'');
            }
        }

        return values.TryGetValue("ID", out var id) && id.Length > 0
            ? new OsRelease(id, values.GetValueOrDefault("VERSION_ID"), values.GetValueOrDefault("PRETTY_NAME"))
            : null;
    }

    /// <summary>Finds and parses the image's os-release among the texts read from its layers.</summary>
    public static OsRelease? From(IReadOnlyDictionary<string, string> texts) =>
        Paths.Select(texts.GetValueOrDefault).Where(text => text is not null).Select(text => Parse(text!)).FirstOrDefault(release => release is not null);
}
