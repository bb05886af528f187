namespace EcrPublish.Cli.Verbs;

/// <summary>
/// Which lines of <c>dotnet publish</c>'s output stay on screen on a terminal, where the rest only passes
/// through the live status line: errors, warnings, the project outputs (<c>Api -&gt; /path</c>), EcrPublish's
/// own lines (the pushed image, the findings) and the build's verdict.
/// </summary>
internal static class PublishLogLines
{
    public static bool IsLasting(string line) =>
        line.Contains(": error ", StringComparison.Ordinal)
        || line.Contains(": warning ", StringComparison.Ordinal)
        || line.Contains(" -> ", StringComparison.Ordinal)
        || line.Contains("EcrPublish", StringComparison.Ordinal)
        || line.TrimStart().StartsWith("Build succeeded", StringComparison.Ordinal)
        || line.TrimStart().StartsWith("Build FAILED", StringComparison.Ordinal)
        || line.TrimStart().StartsWith("error ", StringComparison.Ordinal);
}
