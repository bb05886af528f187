namespace EcrPublish.Cli.Progress;

/// <summary>Picks the progress display for a command from the <see cref="ProgressMode"/> of the process.</summary>
internal static class ProgressDisplays
{
    private static readonly TimeSpan s_animationInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Terminal: a live line; plain: one line per status.</summary>
    public static IProgressDisplay Create(ProgressMode mode, TextWriter writer, int width) => mode == ProgressMode.Terminal
        ? TerminalProgressDisplay.StartAnimation(writer, width, s_animationInterval)
        : new PlainProgressDisplay(writer);

    /// <summary>Terminal: a live line; plain: nothing, so that the output stays the AWS CLI's (waiters print nothing).</summary>
    public static IProgressDisplay CreateTerminalOnly(ProgressMode mode, TextWriter writer, int width) => mode == ProgressMode.Terminal
        ? TerminalProgressDisplay.StartAnimation(writer, width, s_animationInterval)
        : NullProgressDisplay.Instance;

    /// <summary>
    /// The mode of this process: a live line only when both stdout and stderr are a terminal that understands
    /// escape sequences; plain lines when either is redirected, so files and pipes never receive them.
    /// </summary>
    public static ProgressMode Detect(bool outputRedirected, bool errorRedirected, Func<string, string?> environment) =>
        outputRedirected || errorRedirected || environment("TERM") is null or "" or "dumb"
            ? ProgressMode.Plain
            : ProgressMode.Terminal;
}
