using System.Globalization;
using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;

namespace EcrPublish.Cli.Verbs;

/// <summary>Ages such as <c>90s</c>, <c>30m</c>, <c>12h</c>, <c>1d</c>, <c>2w</c> for <c>--older-than</c>.</summary>
internal static class AgeParser
{
    public static TimeSpan Parse(string text)
    {
        if (text.Length >= 2 && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            switch (char.ToLowerInvariant(text[^1]))
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
                case 'w': return TimeSpan.FromDays(7 * amount);
            }
        }

        throw new CliUsageException(
            $"{CliErrorCodes.InvalidAge}: --older-than '{text}' is not an age. Use a number and a unit: 90s, 30m, 12h, 1d or 2w.");
    }
}
