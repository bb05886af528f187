using EcrPublish.Cli.Arguments;
using EcrPublish.Cli.Execution;
using EcrPublish.Text;

namespace EcrPublish.Cli.Verbs;

/// <summary>The age of <c>--older-than</c>, in the one duration syntax (<see cref="DurationText"/>): <c>90s</c>, <c>12h</c>, <c>1d</c>, <c>2w</c>, <c>00:30:00</c>.</summary>
internal static class AgeParser
{
    public static TimeSpan Parse(string text) =>
        DurationText.Parse(text) ?? throw new CliUsageException(
            $"{CliErrorCodes.InvalidAge}: --older-than '{text}' is not an age. Use {DurationText.Forms}, or weeks (2w).");
}
