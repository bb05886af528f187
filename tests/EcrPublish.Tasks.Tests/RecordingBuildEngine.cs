using System.Collections;
using Microsoft.Build.Framework;

namespace EcrPublish.Tasks.Tests;

/// <summary>The part of MSBuild a task talks to, keeping what the task logged.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<string> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "App.csproj";

    public IEnumerable<string> ErrorCodes => Errors.Select(error => error.Code);

    public string Describe() => string.Join(Environment.NewLine, Errors.Select(error => $"{error.Code}: {error.Message}").Concat(Messages));

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message ?? string.Empty);

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

    public void LogWarningEvent(BuildWarningEventArgs e) => Messages.Add($"warning {e.Code}: {e.Message}");
}
