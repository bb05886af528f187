using EcrPublish.Validation;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>
/// With several runtime identifiers the app is published once per identifier by inner builds of the project, and
/// the task gets one platform publish per identifier. Every publish stops at input validation (EcrScan=Sometimes,
/// ECR1024), so nothing is sent.
/// </summary>
[Collection(MSBuildTestGroup.Name)]
public sealed class MultiArchTests : IAsyncLifetime
{
    private TestProject _project = null!;

    public async Task InitializeAsync() =>
        _project = await TestProject.CreateAsync("multiarch", "<PropertyGroup><RuntimeIdentifiers>linux-x64;linux-arm64</RuntimeIdentifiers></PropertyGroup>");

    [Fact]
    public void RuntimeIdentifiers_publish_one_inner_build_per_identifier_into_its_own_folder()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation);

        // The platform folders exist (the inner publishes filled them): the only error is the one the test asked for.
        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
        var inputs = build.Inputs("PublishToEcr");
        Assert.Equal("linux-x64;linux-arm64", inputs[nameof(PublishToEcr.ContainerRuntimeIdentifiers)]);
        var platforms = inputs.Items(nameof(PublishToEcr.PlatformPublishes));
        Assert.Equal(["linux-x64", "linux-arm64"], platforms.Select(platform => platform.Spec));
        foreach (var platform in platforms)
        {
            var folder = Path.Combine(_project.Directory, "obj", "ecrpublish", platform.Spec) + Path.DirectorySeparatorChar;
            Assert.Equal(folder, platform.Metadatum("PublishDirectory"));
            Assert.True(File.Exists(Path.Combine(folder, "multiarch.dll")), folder);
            var inner = Assert.Single(build.ProjectBuilds, started => started.GlobalProperties?.TryGetValue("RuntimeIdentifier", out var rid) == true && rid == platform.Spec);
            Assert.Equal("Publish", inner.TargetNames);
            Assert.Equal(folder, inner.GlobalProperties!["PublishDir"]);
            Assert.Equal("false", inner.GlobalProperties["PublishToEcr"]);
        }

        Assert.Single(build.Runs("PublishToEcr"));
    }

    [Fact]
    public void ContainerRuntimeIdentifiers_wins_over_RuntimeIdentifiers()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, ("ContainerRuntimeIdentifiers", "linux-arm64"));

        var inputs = build.Inputs("PublishToEcr");
        Assert.Equal("linux-arm64", inputs[nameof(PublishToEcr.ContainerRuntimeIdentifiers)]);
        // One identifier is a single-arch publish: its image comes from this build's own publish folder.
        Assert.Empty(inputs.Items(nameof(PublishToEcr.PlatformPublishes)));
        Assert.DoesNotContain(build.ProjectBuilds, started => started.GlobalProperties?.ContainsKey("RuntimeIdentifier") == true);
    }

    [Theory]
    [InlineData("ContainerRuntimeIdentifier", "linux-x64")]
    [InlineData("RuntimeIdentifier", "linux-x64")]
    public void A_single_runtime_identifier_picked_for_the_build_makes_a_single_arch_image(string property, string value)
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, (property, value));

        var inputs = build.Inputs("PublishToEcr");
        Assert.Null(inputs[nameof(PublishToEcr.ContainerRuntimeIdentifiers)]);
        Assert.Empty(inputs.Items(nameof(PublishToEcr.PlatformPublishes)));
        Assert.DoesNotContain(build.ProjectBuilds, started => started.GlobalProperties?.ContainsKey("PublishToEcr") == true && started.GlobalProperties["PublishToEcr"] == "false");
    }

    [Fact]
    public void A_container_runtime_identifier_that_restore_did_not_prepare_fails_with_ECR1049_before_anything_runs()
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, ("ContainerRuntimeIdentifiers", "linux-x64;linux-musl-arm64"));

        var error = Assert.Single(build.Errors);
        Assert.Equal(InputCodes.UnrestoredRuntimeIdentifier, error.Code);
        Assert.Contains("linux-musl-arm64", error.Message, StringComparison.Ordinal);
        Assert.False(build.Ran("PublishToEcr"));
        Assert.DoesNotContain(build.ProjectBuilds, started => started.GlobalProperties?.ContainsKey("RuntimeIdentifier") == true);
    }

    public Task DisposeAsync()
    {
        _project.Dispose();
        return Task.CompletedTask;
    }
}
