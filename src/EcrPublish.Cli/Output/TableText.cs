namespace EcrPublish.Cli.Output;

/// <summary>Cell text helpers of <c>awscli/table.py</c>: display width (wide East Asian characters count 2), centring, left alignment.</summary>
internal static class TableText
{
    public static int DisplayLength(string text)
    {
        // Python counts code points, not grapheme clusters.
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            length += WideCharacters.IsWide(rune.Value) ? 2 : 1;
        }

        return length;
    }

    public static string Center(string text, int length, string leftEdge = "|", string rightEdge = "|")
    {
        var textLength = DisplayLength(text);
        var charStart = (length / 2) - (textLength / 2) - 1;
        var start = leftEdge + new string(' ', Math.Max(0, charStart)) + text;
        var lengthSoFar = DisplayLength(leftEdge) + charStart + textLength;
        var rightSpaces = length - DisplayLength(rightEdge) - lengthSoFar;
        return start + new string(' ', Math.Max(0, rightSpaces)) + rightEdge;
    }

    public static string AlignLeft(string text, int length, string leftEdge = "|", string rightEdge = "|", int leftPadding = 2)
    {
        var textLength = DisplayLength(text);
        var computed = textLength + leftPadding + DisplayLength(leftEdge) + DisplayLength(rightEdge);
        var padding = length - computed >= 0 ? leftPadding : 0;
        var lengthSoFar = leftEdge.Length + padding + textLength;
        return leftEdge + new string(' ', padding) + text + new string(' ', Math.Max(0, length - lengthSoFar - rightEdge.Length)) + rightEdge;
    }
}
