using System.Text;
using System.Text.Json;

namespace EcrPublish.Cli.Output;

/// <summary>
/// Python's jmespath still accepts JEP-12's deprecated literal form <c>`CRITICAL`</c> (a backtick literal that
/// is not JSON is read as a string), and the cheat sheet relies on it; JmesPath.Net does not. This rewrites
/// such literals to <c>`"CRITICAL"`</c>, leaving raw strings and quoted identifiers alone.
/// </summary>
internal static class JmesPathLegacyLiterals
{
    public static string Rewrite(string expression)
    {
        var output = new StringBuilder(expression.Length + 8);
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c is '\'' or '"')
            {
                var end = Math.Min(ClosingQuote(expression, i, c), expression.Length - 1);
                output.Append(expression, i, end - i + 1);
                i = end;
            }
            else if (c == '`')
            {
                var end = ClosingQuote(expression, i, '`');
                if (end >= expression.Length)
                {
                    output.Append(expression, i, expression.Length - i);
                    break;
                }

                output.Append('`').Append(LiteralJson(expression[(i + 1)..end].Replace("\\`", "`", StringComparison.Ordinal)).Replace("`", "\\`", StringComparison.Ordinal)).Append('`');
                i = end;
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    private static string LiteralJson(string lexeme)
    {
        try
        {
            using var _ = JsonDocument.Parse(lexeme);
            return lexeme;
        }
        catch (JsonException)
        {
            try
            {
                using var legacy = JsonDocument.Parse("\"" + lexeme.TrimStart() + "\"");
                return JsonSerializer.Serialize(legacy.RootElement.GetString());
            }
            catch (JsonException)
            {
                // Not a legacy string either: leave it for the parser to report.
                return lexeme;
            }
        }
    }

    // Index of the matching unescaped quote, or the end of the text when there is none.
    private static int ClosingQuote(string text, int start, char quote)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return text.Length;
    }
}
