namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>
/// Bad MSBuild properties fail the publish with their ECR1xxx codes, logged through MSBuild, before anything is
/// sent: the codes come all at once, and no later stage (ECR2xxx-ECR6xxx) runs.
/// </summary>
[Collection(MSBuildTestGroup.Name)]
public sealed class InputErrorTests : IAsyncLifetime
{
    private TestProject _project = null!;

    public async Task InitializeAsync()
    {
        _project = await TestProject.CreateAsync("badinputs");
        _project.Write("lifecycle-broken.json", "{ \"rules\": [ ");
    }

    [Fact]
    public void Bad_inputs_each_fail_with_their_code_before_the_pipeline_runs()
    {
        var build = _project.PublishToEcr(
            ("EcrRepository", "Bad Repo Name"),
            ("EcrRegion", "Europe-West"),
            ("EcrRegistryId", "12345"),
            ("EcrLifecyclePolicyFile", "missing-lifecycle.json"),
            ("EcrRepositoryPolicyFile", "lifecycle-broken.json"),
            ("EcrScan", "Sometimes"));
        var log = build.Log;

        Assert.False(build.Succeeded);
        Assert.Contains("error ECR1001: EcrRepository 'Bad Repo Name'", log, StringComparison.Ordinal);
        Assert.Contains("error ECR1003: EcrRegion 'Europe-West'", log, StringComparison.Ordinal);
        Assert.Contains("error ECR1004: EcrRegistryId '12345'", log, StringComparison.Ordinal);
        Assert.Contains("error ECR1030: EcrLifecyclePolicyFile", log, StringComparison.Ordinal);
        Assert.Contains("error ECR1031: EcrRepositoryPolicyFile", log, StringComparison.Ordinal);
        Assert.Contains("error ECR1024: EcrScan 'Sometimes'", log, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"ECR[2-6]\d{3}", log);
        Assert.All(build.Errors, error => Assert.Equal("EcrPublish", error.Subcategory));
    }

    [Fact]
    public void Bad_tag_templates_fail_while_computing_tags_before_anything_else()
    {
        // %3B is MSBuild's escape for ';', the template separator.
        var build = _project.PublishToEcr(("EcrImageTags", "latest%3Bbad tag%3B{nope}%3B{build}"), ("EcrRegion", "nowhere"));
        var log = build.Log;

        Assert.False(build.Succeeded);
        Assert.Contains("error ECR1013: Tag template 'bad tag'", log, StringComparison.Ordinal);
        Assert.Contains("error ECR1011: Unknown token {nope}", log, StringComparison.Ordinal);
        Assert.Contains("error ECR1012: Token {build}", log, StringComparison.Ordinal);
        // PublishToEcr (which would report the bad region) never ran.
        Assert.False(build.Ran("PublishToEcr"));
        Assert.DoesNotContain("ECR1003", log, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"ECR[2-6]\d{3}", log);
    }

    [Fact]
    public void Valid_inputs_pass_validation_and_reach_the_pipeline()
    {
        // An ECR endpoint nobody listens on: the pipeline is reached, builds the image (on scratch, so no base image
        // is fetched) and fails at its first AWS call.
        var build = _project.PublishToEcr(("EcrRegion", "eu-west-1"), ("ContainerBaseImage", "scratch"));

        Assert.False(build.Succeeded);
        Assert.NotEmpty(build.ErrorCodes);
        Assert.All(build.ErrorCodes, code => Assert.Matches(@"^ECR2\d{3}$", code));
    }

    public Task DisposeAsync()
    {
        _project.Dispose();
        return Task.CompletedTask;
    }
}
