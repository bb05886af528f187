using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Tasks.Tests.Targets;

/// <summary>
/// The SDK's container contract under PublishToEcr, honoured or refused explicitly: the builder a project asks for,
/// ContainerRegistry, ContainerImageTag(s), the label switches, and -t:PublishContainer (one push, to ECR).
/// Every publish stops at input validation (EcrScan=Sometimes): nothing is pushed.
/// </summary>
[Collection(MSBuildTestGroup.Name)]
public sealed class SdkContractTests : IAsyncLifetime
{
    private TestProject _project = null!;

    public async Task InitializeAsync() => _project = await TestProject.CreateAsync("sdkfit");

    [Fact]
    public void A_Dockerfile_next_to_the_project_is_not_used_and_one_coded_message_says_how_to_use_it()
    {
        _project.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:6.0 AS base\n");

        var build = _project.PublishToEcr(TestProject.StopAtValidation);

        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
        Assert.Single(build.Log.Split(Environment.NewLine), line => line.Contains($"{InputCodes.UnusedDockerfile}: ", StringComparison.Ordinal) && line.Contains("EcrImageBuilder=Docker", StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(build.Inputs("PublishToEcr")[nameof(PublishToEcr.ImageBuilder)]));
    }

    [Fact]
    public void EcrImageBuilder_Docker_uses_the_Dockerfile_without_the_message()
    {
        _project.Write("Dockerfile", "FROM scratch\n");

        var build = _project.PublishToEcr(TestProject.StopAtValidation, ("EcrImageBuilder", "docker"));

        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
        Assert.DoesNotContain(InputCodes.UnusedDockerfile, build.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainerImageTag_and_ContainerImageTags_together_fail_before_the_tags_are_computed()
    {
        var build = _project.PublishToEcr(("ContainerImageTag", "1.0"), ("ContainerImageTags", "1.0%3Blatest"));

        Assert.Equal([InputCodes.ContainerImageTagAndTags], build.ErrorCodes);
        Assert.False(build.Ran("ComputeEcrImageTags"));
        Assert.False(build.Ran("PublishToEcr"));
    }

    [Theory]
    [InlineData("ghcr.io", InputCodes.ContainerRegistryNotEcr)]
    [InlineData("123456789012.dkr.ecr.us-east-1.amazonaws.com", InputCodes.ContainerRegistryConflict)]
    public void ContainerRegistry_must_be_the_ECR_registry_the_publish_goes_to(string registry, string code)
    {
        var build = _project.PublishToEcr(TestProject.StopAtValidation, ("ContainerRegistry", registry), ("EcrRegion", "eu-west-1"));

        Assert.Equal([InputCodes.InvalidScanMode, code], build.ErrorCodes.Order(StringComparer.Ordinal));
        Assert.Contains(build.Errors, error => error.Code == code && (error.Message ?? string.Empty).Contains($"ContainerRegistry '{registry}'", StringComparison.Ordinal));
    }

    [Fact]
    public void PublishContainer_with_PublishToEcr_publishes_once_to_ECR_and_never_runs_the_SDK_push()
    {
        var build = _project.Build("PublishContainer", ("PublishToEcr", "true"), TestProject.StopAtValidation);

        Assert.Single(build.Runs("PublishToEcr"));
        Assert.False(build.Ran("CreateNewImage"));
        Assert.False(build.Ran("CreateImageIndex"));
        Assert.Equal([InputCodes.InvalidScanMode], build.ErrorCodes);
    }

    [Fact]
    public void The_SDK_label_switches_leave_their_labels_out_and_the_source_label_needs_PublishRepositoryUrl()
    {
        (string, string)[] repository = [("RepositoryUrl", "https://github.com/example/app.git"), ("RepositoryType", "git")];

        var optedIn = _project.PublishToEcr([TestProject.StopAtValidation, .. repository, ("PublishRepositoryUrl", "true"),
            ("ContainerGenerateLabelsImageCreated", "false"), ("ContainerGenerateLabelsImageRevision", "False")]);
        var notOptedIn = _project.PublishToEcr([TestProject.StopAtValidation, .. repository]);

        var inputs = optedIn.Inputs("PublishToEcr");
        Assert.Equal(["org.opencontainers.image.created", "org.opencontainers.image.revision"],
            inputs.Items(nameof(PublishToEcr.ContainerOmittedLabels)).Select(item => item.Spec).Order(StringComparer.Ordinal));
        Assert.Equal("https://github.com/example/app", Assert.Single(inputs.Items(nameof(PublishToEcr.ContainerLabelValues)), item => item.Spec == "Source").Metadatum("Value"));
        Assert.DoesNotContain(notOptedIn.Inputs("PublishToEcr").Items(nameof(PublishToEcr.ContainerLabelValues)), item => item.Spec == "Source");
        Assert.Empty(notOptedIn.Inputs("PublishToEcr").Items(nameof(PublishToEcr.ContainerOmittedLabels)));
    }

    public Task DisposeAsync()
    {
        _project.Dispose();
        return Task.CompletedTask;
    }
}
