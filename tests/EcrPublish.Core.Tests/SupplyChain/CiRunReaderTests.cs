using EcrPublish.SupplyChain;
using Xunit;

namespace EcrPublish.Core.Tests.SupplyChain;

/// <summary>The CI run ids and URLs, from the variables each service documents.</summary>
public sealed class CiRunReaderTests
{
    [Fact]
    public void GitLab_gives_the_job()
    {
        var run = CiRunReader.Read(new Dictionary<string, string?>
        {
            ["GITLAB_CI"] = "true", ["CI_JOB_ID"] = "5551", ["CI_JOB_URL"] = "https://gitlab.example.com/g/p/-/jobs/5551", ["CI_PIPELINE_ID"] = "77",
        });
        Assert.Equal(new CiRun("GitLab CI", "5551", "https://gitlab.example.com/g/p/-/jobs/5551"), run);
    }

    [Fact]
    public void Azure_Pipelines_gives_the_build_results_page()
    {
        var run = CiRunReader.Read(new Dictionary<string, string?>
        {
            ["TF_BUILD"] = "True", ["BUILD_BUILDID"] = "314", ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/org/", ["SYSTEM_TEAMPROJECT"] = "My Project",
        });
        Assert.Equal(new CiRun("Azure Pipelines", "314", "https://dev.azure.com/org/My%20Project/_build/results?buildId=314"), run);
    }

    [Fact]
    public void CodeBuild_gives_the_build_arn_and_its_console_page()
    {
        var run = CiRunReader.Read(new Dictionary<string, string?>
        {
            ["CODEBUILD_BUILD_ID"] = "api-build:7d6c1a2e-0000-4000-8000-000000000001",
            ["CODEBUILD_BUILD_ARN"] = "arn:aws:codebuild:eu-west-1:123456789012:build/api-build:7d6c1a2e-0000-4000-8000-000000000001",
            ["AWS_REGION"] = "eu-west-1",
        });
        Assert.Equal(new CiRun("AWS CodeBuild", "arn:aws:codebuild:eu-west-1:123456789012:build/api-build:7d6c1a2e-0000-4000-8000-000000000001",
            "https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/projects/api-build/build/api-build%3A7d6c1a2e-0000-4000-8000-000000000001/"), run);
    }

    [Fact]
    public void Outside_ci_there_is_no_run() => Assert.Null(CiRunReader.Read(new Dictionary<string, string?> { ["HOME"] = "/root" }));
}
