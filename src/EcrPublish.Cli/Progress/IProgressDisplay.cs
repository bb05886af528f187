namespace EcrPublish.Cli.Progress;

/// <summary>
/// Where long-running commands (publish, waiters, cleanup) report what they are doing. Always stderr, so
/// that stdout keeps exactly what the command prints (JSON, text, table).
/// </summary>
internal interface IProgressDisplay : IDisposable
{
    /// <summary>What is happening now; replaces the previous status (a live line on a terminal).</summary>
    void Status(string text);

    /// <summary>A line that stays, printed above the live status on a terminal.</summary>
    void Line(string text);

    /// <summary>Writes a command's own output (e.g. to stdout) without mixing it into the live status line.</summary>
    void Print(TextWriter output, string text);
}
