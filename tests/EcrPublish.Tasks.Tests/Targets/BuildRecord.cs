using Microsoft.Build.Framework;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>What an in-process build did, as its logger saw it: errors, targets, tasks and the inputs they got.</summary>
internal sealed class BuildRecord(bool succeeded, IReadOnlyList<BuildEventArgs> events)
{
    public bool Succeeded { get; } = succeeded;

    public IReadOnlyList<BuildErrorEventArgs> Errors => [.. events.OfType<BuildErrorEventArgs>()];

    public IReadOnlyList<string> ErrorCodes => [.. Errors.Select(error => error.Code)];

    /// <summary>The build's messages, warnings and errors, one a line, as a console logger would show them.</summary>
    public string Log => string.Join(Environment.NewLine, events.Select(Describe).OfType<string>());

    /// <summary>Every build of a project, with the global properties it was started with (inner builds included).</summary>
    public IReadOnlyList<ProjectStartedEventArgs> ProjectBuilds => [.. events.OfType<ProjectStartedEventArgs>()];

    public bool Ran(string taskName) => events.OfType<TaskStartedEventArgs>().Any(task => task.TaskName == taskName);

    /// <summary>The inputs each run of <paramref name="taskName"/> got, by parameter; an empty attribute sets no parameter.</summary>
    public IReadOnlyList<TaskInputs> Runs(string taskName) =>
    [
        .. events.OfType<TaskStartedEventArgs>()
            .Where(task => task.TaskName == taskName)
            .Select(task => new TaskInputs(events.OfType<TaskParameterEventArgs>()
                .Where(parameter => parameter.Kind == TaskParameterMessageKind.TaskInput && parameter.BuildEventContext == task.BuildEventContext)
                .ToDictionary(parameter => parameter.ItemType, parameter => parameter.Items.Cast<object>().Select(TaskInputs.FromLogged).ToList(), StringComparer.Ordinal))),
    ];

    /// <summary>The inputs of the one run of <paramref name="taskName"/>.</summary>
    public TaskInputs Inputs(string taskName) => Assert.Single(Runs(taskName));

    private static string? Describe(BuildEventArgs e) => e switch
    {
        BuildErrorEventArgs error => $"error {error.Code}: {error.Message}",
        BuildWarningEventArgs warning => $"warning {warning.Code}: {warning.Message}",
        TaskParameterEventArgs => null,
        BuildMessageEventArgs message when message.Importance != MessageImportance.Low => message.Message,
        _ => null,
    };
}
