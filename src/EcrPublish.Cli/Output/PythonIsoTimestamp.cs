using System.Globalization;

namespace EcrPublish.Cli.Output;

/// <summary>
/// A wire timestamp (epoch seconds, or a date string) as the AWS CLI v2 prints it:
/// <c>datetime.fromtimestamp(value, tzlocal()).isoformat()</c>, e.g. <c>2024-01-15T10:00:00.123000+00:00</c>.
/// </summary>
internal static class PythonIsoTimestamp
{
    public static string FromEpochSeconds(double seconds, TimeZoneInfo zone)
    {
        // Python splits off the fraction and rounds it to microseconds half-to-even.
        var whole = Math.Floor(seconds);
        var microseconds = (long)Math.Round((seconds - whole) * 1e6, MidpointRounding.ToEven);
        var instant = DateTimeOffset.FromUnixTimeSeconds((long)whole).AddTicks(microseconds * 10);
        return Format(TimeZoneInfo.ConvertTime(instant, zone));
    }

    public static string? FromText(string text, TimeZoneInfo zone)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromEpochSeconds(seconds, zone);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? Format(parsed)
            : null;
    }

    public static string Format(DateTimeOffset value)
    {
        var fraction = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + fraction.ToString("000000", CultureInfo.InvariantCulture);
        }

        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        return text + sign + offset.ToString("hh\\:mm", CultureInfo.InvariantCulture);
    }
}
