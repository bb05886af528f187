using System.Text;
using System.Text.RegularExpressions;

namespace EcrPublish.Docker;

/// <summary>
/// One line of a .dockerignore file, compiled the way Docker's patternmatcher does: Go filepath.Match syntax
/// (<c>*</c>, <c>?</c>, <c>[...]</c>, <c>\</c> escapes) plus <c>**</c> for any number of directories; a leading
/// <c>!</c> makes it an exception that re-includes what earlier lines excluded.
/// </summary>
internal sealed class DockerIgnorePattern
{
    private readonly Regex _regex;

    private DockerIgnorePattern(string text, bool isException, Regex regex)
    {
        Text = text;
        IsException = isException;
        _regex = regex;
    }

    /// <summary>The cleaned pattern, without the leading <c>!</c>.</summary>
    public string Text { get; }

    /// <summary>True for <c>!pattern</c> lines.</summary>
    public bool IsException { get; }

    /// <summary>Parses one non-comment, non-blank line; returns null for lines that hold no pattern.</summary>
    public static DockerIgnorePattern? Parse(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return null;
        }

        var isException = text.StartsWith('!');
        if (isException)
        {
            text = text[1..].Trim();
        }

        text = Clean(text);
        if (text.Length > 1 && text.StartsWith('/'))
        {
            text = text[1..];
        }

        return new DockerIgnorePattern(text, isException, new Regex(ToRegex(text), RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    /// <summary>True when <paramref name="path"/> (relative, '/'-separated) or one of its parent directories matches.</summary>
    public bool MatchesOrParentMatches(string path)
    {
        if (_regex.IsMatch(path))
        {
            return true;
        }

        var separator = path.IndexOf('/', StringComparison.Ordinal);
        while (separator > 0)
        {
            if (_regex.IsMatch(path[..separator]))
            {
                return true;
            }

            separator = path.IndexOf('/', separator + 1);
        }

        return false;
    }

    // Go's filepath.Clean on a slash-separated path: drop empty and "." segments, resolve "..".
    private static string Clean(string path)
    {
        var rooted = path.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || !rooted)
            {
                segments.Add(segment);
            }
        }

        var cleaned = (rooted ? "/" : string.Empty) + string.Join('/', segments);
        return cleaned.Length == 0 ? "." : cleaned;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var character = pattern[i];
            switch (character)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    // "**" at the end matches everything below; elsewhere any number of directories, including none.
                    regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                case '[':
                    i = AppendCharacterClass(pattern, i, regex);
                    break;
                default:
                    regex.Append(Regex.Escape(character.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    // Copies a [...] class; Go spells negation [^...], and a class never matches the separator.
    private static int AppendCharacterClass(string pattern, int start, StringBuilder regex)
    {
        var end = pattern.IndexOf(']', start + 1);
        if (end < 0)
        {
            regex.Append(@"\[");
            return start;
        }

        var body = pattern[(start + 1)..end];
        var negated = body.StartsWith('^');
        if (negated)
        {
            body = body[1..];
        }

        regex.Append(negated ? "[^/" : "[");
        foreach (var character in body)
        {
            regex.Append(character is '\\' or '[' or ']' ? "\\" + character : character.ToString());
        }

        regex.Append(']');
        return end;
    }
}
