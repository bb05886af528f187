namespace EcrPublish.Tagging;

/// <summary>The CI services whose build numbers, commits and branches EcrPublish understands.</summary>
public static class CiProviders
{
    public static readonly CiProvider GitHubActions = new(
        "GitHub Actions", "GITHUB_ACTIONS", "GITHUB_RUN_NUMBER", ["GITHUB_SHA"], ["GITHUB_HEAD_REF", "GITHUB_REF_NAME"]);

    public static readonly CiProvider AzurePipelines = new(
        "Azure Pipelines", "TF_BUILD", "BUILD_BUILDNUMBER", ["BUILD_SOURCEVERSION"], ["SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH"]);

    public static readonly CiProvider GitLab = new(
        "GitLab CI", "GITLAB_CI", "CI_PIPELINE_IID", ["CI_COMMIT_SHA"], ["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_REF_NAME"]);

    public static readonly CiProvider Jenkins = new(
        "Jenkins", "JENKINS_URL", "BUILD_NUMBER", ["GIT_COMMIT"], ["BRANCH_NAME", "GIT_BRANCH"]);

    public static readonly CiProvider CodeBuild = new(
        "AWS CodeBuild", "CODEBUILD_BUILD_ID", "CODEBUILD_BUILD_NUMBER", ["CODEBUILD_RESOLVED_SOURCE_VERSION"], ["CODEBUILD_WEBHOOK_HEAD_REF"]);

    public static readonly CiProvider CircleCi = new(
        "CircleCI", "CIRCLECI", "CIRCLE_BUILD_NUM", ["CIRCLE_SHA1"], ["CIRCLE_BRANCH"]);

    public static readonly CiProvider Bitbucket = new(
        "Bitbucket Pipelines", "BITBUCKET_BUILD_NUMBER", "BITBUCKET_BUILD_NUMBER", ["BITBUCKET_COMMIT"], ["BITBUCKET_BRANCH"]);

    public static IReadOnlyList<CiProvider> All { get; } =
        [GitHubActions, AzurePipelines, GitLab, Jenkins, CodeBuild, CircleCi, Bitbucket];

    /// <summary>Every commit variable of every provider, for builds whose CI is not recognised.</summary>
    public static IEnumerable<string> AllCommitVariables => All.SelectMany(provider => provider.CommitVariables);

    /// <summary>The build-number variables, as named in error messages that ask the user to set one.</summary>
    public static string BuildNumberVariableList => string.Join(", ", All.Select(provider => provider.BuildNumberVariable).Distinct());
}
