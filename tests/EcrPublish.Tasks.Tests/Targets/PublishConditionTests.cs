using Xunit;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>When the package's targets run at all: only on a publish that asks for it, of a project that is a service.</summary>
[Collection(MSBuildTestGroup.Name)]
public sealed class PublishConditionTests : IAsyncLifetime
{
    private TestProject _project = null!;

    public async Task InitializeAsync() => _project = await TestProject.CreateAsync("offapp");

    [Fact]
    public void Without_PublishToEcr_a_publish_runs_no_EcrPublish_task_even_with_bad_inputs()
    {
        var build = _project.Publish(("EcrRegion", "not a region"));

        Assert.True(build.Succeeded, build.Log);
        Assert.False(build.Ran("ComputeEcrImageTags"));
        Assert.False(build.Ran("PublishToEcr"));
        Assert.DoesNotContain("EcrPublish", build.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishToEcr_false_does_nothing()
    {
        var build = _project.Publish(("PublishToEcr", "false"), ("EcrRegion", "not a region"));

        Assert.True(build.Succeeded, build.Log);
        Assert.False(build.Ran("PublishToEcr"));
    }

    [Theory]
    [InlineData("IsPublishable", "false")]
    [InlineData("OutputType", "Library")]
    [InlineData("IsTestProject", "true")]
    [InlineData("DesignTimeBuild", "true")]
    public void A_project_that_is_not_a_service_is_not_published_to_ECR(string property, string value)
    {
        var build = _project.Publish(("PublishToEcr", "true"), (property, value), ("EcrRegion", "not a region"));

        Assert.True(build.Succeeded, build.Log);
        Assert.False(build.Ran("ComputeEcrImageTags"));
        Assert.False(build.Ran("PublishToEcr"));
    }

    [Fact]
    public void PublishToEcr_true_runs_the_task_after_Publish()
    {
        var build = _project.Publish(("PublishToEcr", "true"), ("EcrRegion", "not a region"));

        Assert.False(build.Succeeded);
        Assert.True(build.Ran("PublishToEcr"), build.Log);
        Assert.Contains("ECR1003", build.ErrorCodes);
    }

    [Fact]
    public async Task The_outer_build_of_a_multi_targeted_project_asks_for_one_framework_with_ECR1090()
    {
        using var multiTargeted = await TestProject.CreateAsync("multitfm", frameworks: "net8.0;net10.0");

        var build = multiTargeted.PublishToEcr();

        var error = Assert.Single(build.Errors);
        Assert.Equal("ECR1090", error.Code);
        Assert.Contains("dotnet publish -f <framework> -p:PublishToEcr=true", error.Message, StringComparison.Ordinal);
        Assert.False(build.Ran("ComputeEcrImageTags"));
        Assert.False(build.Ran("PublishToEcr"));
    }

    public Task DisposeAsync()
    {
        _project.Dispose();
        return Task.CompletedTask;
    }
}
