using EcrPublish.Tagging;

namespace EcrPublish.SupplyChain;

/// <summary>
/// Reads the CI run from the variables each service documents, on top of <see cref="CiEnvironmentDetector"/> (which
/// recognises the service). Only the variables named here are read, so nothing else of the environment can leak.
/// </summary>
public static class CiRunReader
{
    /// <summary>Every variable the reader may use, beyond those <see cref="CiEnvironmentDetector.ReadProcessEnvironment"/> reads.</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID", "GITHUB_RUN_ATTEMPT",
        "CI_JOB_ID", "CI_JOB_URL", "CI_PIPELINE_ID", "CI_PIPELINE_URL",
        "SYSTEM_COLLECTIONURI", "SYSTEM_TEAMPROJECT", "BUILD_BUILDID",
        "CODEBUILD_BUILD_ARN", "CODEBUILD_BUILD_ID", "CODEBUILD_PUBLIC_BUILD_URL", "AWS_REGION",
        "BUILD_URL", "CIRCLE_WORKFLOW_JOB_ID", "CIRCLE_BUILD_URL",
    ];

    /// <summary>The run, or null outside a recognised CI or when it gives no run id.</summary>
    public static CiRun? Read(IReadOnlyDictionary<string, string?> environment)
    {
        var provider = CiEnvironmentDetector.Detect(environment).Provider;
        string? Get(string name) => environment.GetValueOrDefault(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if (provider is null)
        {
            return null;
        }

        var (id, url) = provider.Name switch
        {
            var name when name == CiProviders.GitHubActions.Name => (Get("GITHUB_RUN_ID"), GitHubRunUrl(Get)),
            var name when name == CiProviders.GitLab.Name => (Get("CI_JOB_ID") ?? Get("CI_PIPELINE_ID"), Get("CI_JOB_URL") ?? Get("CI_PIPELINE_URL")),
            var name when name == CiProviders.AzurePipelines.Name => (Get("BUILD_BUILDID"), AzureRunUrl(Get)),
            var name when name == CiProviders.CodeBuild.Name => (Get("CODEBUILD_BUILD_ARN") ?? Get("CODEBUILD_BUILD_ID"), Get("CODEBUILD_PUBLIC_BUILD_URL") ?? CodeBuildRunUrl(Get)),
            var name when name == CiProviders.Jenkins.Name => (Get(provider.BuildNumberVariable), Get("BUILD_URL")),
            var name when name == CiProviders.CircleCi.Name => (Get("CIRCLE_WORKFLOW_JOB_ID") ?? Get(provider.BuildNumberVariable), Get("CIRCLE_BUILD_URL")),
            _ => (Get(provider.BuildNumberVariable), null),
        };
        return id is null ? null : new CiRun(provider.Name, id, url);
    }

    /// <summary>The variables <see cref="Read"/> uses, from the current process.</summary>
    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment()
    {
        var environment = CiEnvironmentDetector.ReadProcessEnvironment().ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        foreach (var name in Variables)
        {
            environment[name] = Environment.GetEnvironmentVariable(name);
        }

        return environment;
    }

    private static string? GitHubRunUrl(Func<string, string?> get) =>
        get("GITHUB_RUN_ID") is { } run && get("GITHUB_REPOSITORY") is { } repository
            ? $"{(get("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/')}/{repository}/actions/runs/{run}" + (get("GITHUB_RUN_ATTEMPT") is { } attempt ? $"/attempts/{attempt}" : "")
            : null;

    private static string? AzureRunUrl(Func<string, string?> get) =>
        get("SYSTEM_COLLECTIONURI") is { } collection && get("SYSTEM_TEAMPROJECT") is { } project && get("BUILD_BUILDID") is { } build
            ? $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={build}"
            : null;

    // CODEBUILD_BUILD_ID is "project:uuid"; the console page is per region.
    private static string? CodeBuildRunUrl(Func<string, string?> get) =>
        get("CODEBUILD_BUILD_ID") is { } build && build.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && get("AWS_REGION") is { } region
            ? $"https://{region}.console.aws.amazon.com/codesuite/codebuild/projects/{Uri.EscapeDataString(build[..colon])}/build/{Uri.EscapeDataString(build)}/"
            : null;
}
