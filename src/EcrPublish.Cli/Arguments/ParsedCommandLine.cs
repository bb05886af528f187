namespace EcrPublish.Cli.Arguments;

/// <summary>
/// A command line split into global options, the command words (<c>describe-images</c>,
/// <c>wait image-scan-complete</c>) and the raw words that follow them.
/// </summary>
internal sealed record ParsedCommandLine(GlobalOptions Globals, IReadOnlyList<string> CommandWords, IReadOnlyList<string> OptionWords, bool HelpRequested)
{
    /// <summary><c>--version</c> anywhere on the line: print the version and do nothing else, as the AWS CLI does.</summary>
    public bool VersionRequested { get; init; }
}
