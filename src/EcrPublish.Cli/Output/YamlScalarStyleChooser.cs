using YamlDotNet.Core;

namespace EcrPublish.Cli.Output;

/// <summary>
/// libyaml's scalar analysis in block context (the AWS CLI v2 dumps YAML with libyaml's C emitter): plain when the
/// text allows it and reads back as a string, else single quotes, else double quotes. Chosen here rather than by
/// YamlDotNet, whose own choice differs (folded blocks for line breaks, double quotes for apostrophes, raw tabs).
/// </summary>
internal static class YamlScalarStyleChooser
{
    private const string Breaks = "\r\n\u0085\u2028\u2029";

    public static ScalarStyle Choose(string value, bool isKey)
    {
        if (value.Length == 0)
        {
            return ScalarStyle.SingleQuoted;
        }

        var (plainAllowed, singleQuotedAllowed, multiline) = Analyze(value);
        if (plainAllowed && !multiline && !YamlImplicitTypes.ResolvesToNonString(value))
        {
            return ScalarStyle.Plain;
        }

        return singleQuotedAllowed && !(isKey && multiline) ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted;
    }

    private static (bool PlainAllowed, bool SingleQuotedAllowed, bool Multiline) Analyze(string value)
    {
        var blockIndicators = value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal);
        bool lineBreaks = false, special = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
        bool previousSpace = false, previousBreak = false, precededByWhitespace = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var followedByWhitespace = i + 1 >= value.Length || IsWhitespace(value[i + 1]);
            if (i == 0)
            {
                blockIndicators |= "#,[]{}&*!|>'\"%@`".Contains(c, StringComparison.Ordinal)
                    || (c is '?' or ':' or '-' && followedByWhitespace);
            }
            else
            {
                blockIndicators |= (c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace);
            }

            lineBreaks |= Breaks.Contains(c, StringComparison.Ordinal);
            special |= IsUnprintable(c);
            if (c == ' ')
            {
                leadingSpace |= i == 0;
                trailingSpace |= i == value.Length - 1;
                breakSpace |= previousBreak;
                (previousSpace, previousBreak) = (true, false);
            }
            else if (Breaks.Contains(c, StringComparison.Ordinal))
            {
                leadingBreak |= i == 0;
                trailingBreak |= i == value.Length - 1;
                spaceBreak |= previousSpace;
                (previousSpace, previousBreak) = (false, true);
            }
            else
            {
                (previousSpace, previousBreak) = (false, false);
            }

            precededByWhitespace = IsWhitespace(c);
        }

        var plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
        var single = !(breakSpace || spaceBreak || special);
        return (plain, single, lineBreaks);
    }

    private static bool IsWhitespace(char c) => c is '\0' or ' ' or '\t' || Breaks.Contains(c, StringComparison.Ordinal);

    /// <summary>libyaml's IS_PRINTABLE, plus the line feed that quoted styles carry: anything else needs double quotes.</summary>
    public static bool IsUnprintable(char c) =>
        !(c == '\n' || c is >= ' ' and <= '~' || c == '\u0085' || c is >= '\u00A0' and <= '\uD7FF' || (c is >= '\uE000' and <= '\uFFFD' && c != '\uFEFF'));
}
