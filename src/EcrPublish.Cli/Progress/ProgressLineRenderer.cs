using System.Globalization;

namespace EcrPublish.Cli.Progress;

/// <summary>
/// The live progress line of a terminal: <c>| status (1m05s)</c>, cut to the terminal's width (a line that
/// wrapped could no longer be redrawn in place) and drawn over the previous one.
/// </summary>
internal static class ProgressLineRenderer
{
    /// <summary>Carriage return and "erase the whole line": puts the cursor on an empty line.</summary>
    public const string ClearLine = "\r\u001b[2K";

    private static readonly string[] s_frames = ["|", "/", "-", "\\"];
    private static readonly TimeSpan s_frameLength = TimeSpan.FromMilliseconds(100);

    /// <summary>The text that replaces the current line with the status.</summary>
    public static string Render(string status, TimeSpan elapsed, int width)
    {
        var frame = s_frames[(int)(elapsed.Ticks / s_frameLength.Ticks % s_frames.Length)];
        var suffix = " (" + Elapsed(elapsed) + ")";
        // One column stays free: writing into the last column makes some terminals wrap at once.
        var room = Math.Max(width - 1 - frame.Length - 1 - suffix.Length, 0);
        var text = FirstLine(status);
        if (text.Length > room)
        {
            text = room > 3 ? text[..(room - 3)] + "..." : text[..room];
        }

        return ClearLine + frame + " " + text + suffix;
    }

    /// <summary>Elapsed time as people read it: <c>7s</c>, <c>1m05s</c>, <c>2h03m</c>.</summary>
    public static string Elapsed(TimeSpan elapsed)
    {
        var seconds = (long)elapsed.TotalSeconds;
        return seconds switch
        {
            < 60 => seconds.ToString(CultureInfo.InvariantCulture) + "s",
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h{seconds / 60 % 60:00}m"),
        };
    }

    // Control characters (tabs, escapes from a child process) would move the cursor: keep printable text only.
    private static string FirstLine(string status) =>
        new(status.TrimEnd('\r', '\n').Split('\n')[0].Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
