namespace EcrPublish.Cli.Arguments;

/// <summary>
/// A command line the tool cannot run (unknown command or option, missing or malformed value). Printed like the
/// AWS CLI's usage errors and ends the process with exit code 252.
/// </summary>
internal sealed class CliUsageException(string message, bool showUsage = false) : Exception(message)
{
    /// <summary>True when the AWS CLI would print its usage lines before the message (argparse errors).</summary>
    public bool ShowUsage { get; } = showUsage;
}
