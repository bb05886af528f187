using EcrPublish.Tagging;
using Xunit;

namespace EcrPublish.Core.Tests.Tagging;

public class CiEnvironmentDetectorTests
{
    private static Dictionary<string, string?> Variables(params string[] pairs) =>
        pairs.Select(pair => pair.Split('=', 2)).ToDictionary(parts => parts[0], parts => (string?)parts[1]);

    [Theory]
    [InlineData("GitHub Actions", "17", "abc1", "feature/x", "GITHUB_ACTIONS=true", "GITHUB_RUN_NUMBER=17", "GITHUB_SHA=abc1", "GITHUB_REF_NAME=feature/x")]
    [InlineData("Azure Pipelines", "20260101.3", "abc2", "feature/y", "TF_BUILD=True", "BUILD_BUILDNUMBER=20260101.3", "BUILD_SOURCEVERSION=abc2", "BUILD_SOURCEBRANCH=refs/heads/feature/y")]
    [InlineData("GitLab CI", "88", "abc3", "main", "GITLAB_CI=true", "CI_PIPELINE_IID=88", "CI_COMMIT_SHA=abc3", "CI_COMMIT_REF_NAME=main")]
    [InlineData("Jenkins", "5", "abc4", "develop", "JENKINS_URL=http://ci/", "BUILD_NUMBER=5", "GIT_COMMIT=abc4", "GIT_BRANCH=origin/develop")]
    [InlineData("AWS CodeBuild", "9", "abc5", "release", "CODEBUILD_BUILD_ID=p:1", "CODEBUILD_BUILD_NUMBER=9", "CODEBUILD_RESOLVED_SOURCE_VERSION=abc5", "CODEBUILD_WEBHOOK_HEAD_REF=refs/heads/release")]
    [InlineData("CircleCI", "123", "abc6", "main", "CIRCLECI=true", "CIRCLE_BUILD_NUM=123", "CIRCLE_SHA1=abc6", "CIRCLE_BRANCH=main")]
    [InlineData("Bitbucket Pipelines", "31", "abc7", "hotfix", "BITBUCKET_BUILD_NUMBER=31", "BITBUCKET_COMMIT=abc7", "BITBUCKET_BRANCH=hotfix")]
    public void Recognises_each_provider(string provider, string build, string sha, string branch, params string[] variables)
    {
        var ci = CiEnvironmentDetector.Detect(Variables(variables));

        Assert.Equal(provider, ci.Provider?.Name);
        Assert.Equal(build, ci.BuildNumber);
        Assert.Equal(sha, ci.CommitSha);
        Assert.Equal(branch, ci.Branch);
    }

    [Fact]
    public void GitHub_pull_request_uses_the_head_branch()
    {
        var ci = CiEnvironmentDetector.Detect(Variables("GITHUB_ACTIONS=true", "GITHUB_HEAD_REF=topic", "GITHUB_REF_NAME=12/merge"));

        Assert.Equal("topic", ci.Branch);
    }

    [Fact]
    public void No_CI_means_no_provider_and_no_build_number()
    {
        var ci = CiEnvironmentDetector.Detect(Variables("PATH=/bin", "BUILD_NUMBER=7"));

        Assert.Null(ci.Provider);
        Assert.Null(ci.BuildNumber);
        Assert.Null(ci.CommitSha);
    }

    [Fact]
    public void Generic_commit_variable_is_used_outside_a_recognised_CI()
    {
        var ci = CiEnvironmentDetector.Detect(Variables("GIT_COMMIT=def0"));

        Assert.Null(ci.Provider);
        Assert.Equal("def0", ci.CommitSha);
    }

    [Fact]
    public void False_detection_variable_does_not_count()
    {
        var ci = CiEnvironmentDetector.Detect(Variables("GITHUB_ACTIONS=false", "GITHUB_RUN_NUMBER=3"));

        Assert.Null(ci.Provider);
    }

    [Fact]
    public void Read_process_environment_covers_every_provider_variable()
    {
        var names = CiEnvironmentDetector.ReadProcessEnvironment().Keys;

        Assert.Contains("GITHUB_SHA", names);
        Assert.Contains("CODEBUILD_BUILD_NUMBER", names);
        Assert.Contains("BITBUCKET_BRANCH", names);
    }
}
