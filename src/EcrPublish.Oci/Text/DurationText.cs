using System.Globalization;
using System.Text.RegularExpressions;

namespace EcrPublish.Text;

/// <summary>
/// The one duration syntax of every EcrPublish setting and option (MSBuild properties, <c>dotnet ecr</c>, LocalEcr):
/// whole seconds (<c>600</c>), units (<c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>2d</c>, <c>1w</c>; any case), or a clock
/// (<c>00:10:00</c>, <c>1.00:00:00</c>). A clock needs all three fields: <c>10:00</c> reads as ten minutes to some
/// and ten hours to <see cref="TimeSpan.Parse(string)"/>, so it is refused.
/// </summary>
public static partial class DurationText
{
    /// <summary>How the error messages of every consumer spell the accepted forms.</summary>
    public const string Forms = "seconds (600), units (90s, 10m, 1h30m, 2d) or hh:mm:ss (00:10:00)";

    /// <summary>The duration <paramref name="text"/> names, or null when it is none of the forms (or overflows).</summary>
    public static TimeSpan? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        try
        {
            if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (Clock().Match(trimmed) is { Success: true } clock)
            {
                return ClockValue(clock);
            }

            return Units().Match(trimmed) is { Success: true } units ? UnitsValue(units) : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static TimeSpan? ClockValue(Match clock)
    {
        var minutes = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
        var seconds = int.Parse(clock.Groups["s"].Value, CultureInfo.InvariantCulture);
        if (minutes > 59 || seconds > 59)
        {
            return null;
        }

        var days = clock.Groups["d"].Success ? long.Parse(clock.Groups["d"].Value, CultureInfo.InvariantCulture) : 0;
        var hours = long.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
        return TimeSpan.FromDays(days) + TimeSpan.FromHours(hours) + new TimeSpan(0, minutes, seconds);
    }

    private static TimeSpan UnitsValue(Match units)
    {
        var total = TimeSpan.Zero;
        for (var i = 0; i < units.Groups["n"].Captures.Count; i++)
        {
            var amount = long.Parse(units.Groups["n"].Captures[i].Value, CultureInfo.InvariantCulture);
            total += char.ToLowerInvariant(units.Groups["u"].Captures[i].Value[0]) switch
            {
                'w' => TimeSpan.FromDays(checked(7 * amount)),
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        return total;
    }

    [GeneratedRegex(@"\A(?:(?<d>[0-9]{1,7})\.)?(?<h>[0-9]{1,2}):(?<m>[0-9]{2}):(?<s>[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    // Units largest first, each at most once: '1h30m' and '2d12h', not '30m1h' or '5m5m'.
    [GeneratedRegex(@"\A(?:(?<n>[0-9]{1,9})(?<u>w))?(?:(?<n>[0-9]{1,9})(?<u>d))?(?:(?<n>[0-9]{1,9})(?<u>h))?(?:(?<n>[0-9]{1,9})(?<u>m))?(?:(?<n>[0-9]{1,9})(?<u>s))?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Units();
}
