using EcrPublish.Validation;
using Microsoft.Build.Utilities;

namespace EcrPublish.Tasks;

/// <summary>Writes coded EcrPublish diagnostics to the MSBuild log with a link to their documentation.</summary>
internal static class DiagnosticLogger
{
    private const string HelpLinkBase = "https://github.com/ecrpublish/ecrpublish/blob/main/docs/errors.md#";

    public static void Log(this TaskLoggingHelper log, EcrDiagnostic diagnostic, string? projectFile)
    {
        var helpLink = HelpLinkBase + diagnostic.Code.ToLowerInvariant();
        if (diagnostic.IsError)
        {
            log.LogError("EcrPublish", diagnostic.Code, null, helpLink, projectFile, 0, 0, 0, 0, diagnostic.Message);
        }
        else
        {
            log.LogWarning("EcrPublish", diagnostic.Code, null, helpLink, projectFile, 0, 0, 0, 0, diagnostic.Message);
        }
    }
}
