using System.Net;
using System.Text.RegularExpressions;

namespace EcrPublish.Cli.Help;

/// <summary>The model's HTML documentation as plain paragraphs, wrapped for a terminal.</summary>
internal static partial class HtmlText
{
    public static IEnumerable<string> Paragraphs(string html, int width, string indent)
    {
        var text = ParagraphEnd().Replace(html, "\n\n");
        text = ListItem().Replace(text, "\n\n* ");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return Wrap(Space().Replace(paragraph, " "), width, indent);
        }
    }

    public static string Wrap(string text, int width, string indent)
    {
        var lines = new List<string>();
        var line = indent;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = indent;
            }

            line += (line.Length > indent.Length ? " " : "") + word;
        }

        lines.Add(line);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"</p>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex(@"<li>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
