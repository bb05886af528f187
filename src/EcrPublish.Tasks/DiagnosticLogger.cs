using EcrPublish.Validation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EcrPublish.Tasks;

/// <summary>Writes coded EcrPublish diagnostics to the MSBuild log with a link to their documentation.</summary>
internal static class DiagnosticLogger
{
    private const string HelpLinkBase = "https://github.com/ecrpublish/ecrpublish/blob/main/docs/errors.md#";

    public static void Log(this TaskLoggingHelper log, EcrDiagnostic diagnostic, string? projectFile)
    {
        var helpLink = HelpLinkBase + diagnostic.Code.ToLowerInvariant();
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError("EcrPublish", diagnostic.Code, null, helpLink, projectFile, 0, 0, 0, 0, diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning("EcrPublish", diagnostic.Code, null, helpLink, projectFile, 0, 0, 0, 0, diagnostic.Message);
                break;
            default:
                log.LogMessage("EcrPublish", diagnostic.Code, null, projectFile, 0, 0, 0, 0, MessageImportance.Normal, $"{diagnostic.Code}: {diagnostic.Message}");
                break;
        }
    }
}
