namespace EcrPublish.Cli.Progress;

/// <summary>How progress is shown: as plain lines (output redirected, CI logs) or as a live line on a terminal.</summary>
internal enum ProgressMode
{
    /// <summary>Plain lines, no escape sequences: safe for files, pipes and CI logs.</summary>
    Plain,

    /// <summary>A spinner and elapsed time on one line that is redrawn in place.</summary>
    Terminal,
}
