using System.Collections;

namespace EcrPublish.Publishing.Stages;

/// <summary>Writes the result file (<c>EcrResultFile</c>) and, on GitHub Actions, the step outputs and summary.</summary>
public sealed class ResultFileReportStage : IReportStage
{
    public void Report(EcrPublishRequest request, EcrPublishResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        PublishResultFile.Write(request.ResultFile, result);
        GitHubActionsReport.Write(result, CurrentEnvironment());
    }

    private static Dictionary<string, string?> CurrentEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);
}
