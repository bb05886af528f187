using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>Builds a project with the SDK's MSBuild inside the test process, one build at a time, every node in-process.</summary>
internal static class InProcessMSBuild
{
    // One collection for every build: the SDK's targets are parsed once, not once per test.
    private static readonly ProjectCollection Projects = new();
    private static readonly Lock OneBuildAtATime = new();

    public static BuildRecord Build(string projectFile, IReadOnlyDictionary<string, string> globalProperties, params string[] targets)
    {
        var logger = new RecordingLogger();
        var parameters = new BuildParameters(Projects)
        {
            Loggers = [logger],
            EnableNodeReuse = false,
            MaxNodeCount = 1,
            LogTaskInputs = true,
        };
        var request = new BuildRequestData(projectFile, globalProperties.ToDictionary(pair => pair.Key, pair => (string?)pair.Value), null, targets, null);
        lock (OneBuildAtATime)
        {
            var result = BuildManager.DefaultBuildManager.Build(parameters, request);
            return new BuildRecord(result.OverallResult == BuildResultCode.Success, logger.Events);
        }
    }
}
