using EcrPublish.Publishing;
using EcrPublish.Validation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EcrPublish.Tasks;

/// <summary>Forwards the pipeline's progress to the build log.</summary>
internal sealed class MSBuildPublishLog(TaskLoggingHelper log, string? projectFile) : IPublishLog
{
    public void Important(string message) => log.LogMessage(MessageImportance.High, message);

    public void Normal(string message) => log.LogMessage(MessageImportance.Normal, message);

    public void Detail(string message) => log.LogMessage(MessageImportance.Low, message);

    public void Warning(EcrDiagnostic warning) => log.Log(warning, projectFile);
}
