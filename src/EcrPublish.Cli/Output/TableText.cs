using System.Globalization;

namespace EcrPublish.Cli.Output;

/// <summary>Cell text helpers of <c>awscli/table.py</c>: display width (wide East Asian characters count 2), centring, left alignment.</summary>
internal static class TableText
{
    public static int DisplayLength(string text)
    {
        var length = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            length += IsWide(char.ConvertToUtf32(element, 0)) ? 2 : 1;
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

    // unicodedata.east_asian_width(char) in 'WFA' for the ranges that matter in registry data.
    private static bool IsWide(int codePoint) =>
        codePoint is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F) or (>= 0x1F900 and <= 0x1F9FF)
            or (>= 0x20000 and <= 0x3FFFD);
}
