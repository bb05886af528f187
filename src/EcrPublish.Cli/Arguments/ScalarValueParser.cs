using System.Globalization;

namespace EcrPublish.Cli.Arguments;

/// <summary>Python's <c>int()</c> and <c>float()</c> as the AWS CLI applies them to option values.</summary>
internal static class ScalarValueParser
{
    public static long ParseInteger(string text) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"invalid literal for int() with base 10: '{text}'");

    public static double ParseDouble(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"could not convert string to float: '{text}'");
}
