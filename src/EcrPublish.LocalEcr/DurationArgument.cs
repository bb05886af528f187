using System.Globalization;

namespace EcrPublish.LocalEcr;

/// <summary>Reads command-line durations: a positive whole number with an <c>s</c>, <c>m</c> or <c>h</c> suffix (seconds when bare).</summary>
internal static class DurationArgument
{
    public static TimeSpan? Parse(string text)
    {
        var (digits, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(count),
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            _ => null,
        };
    }
}
