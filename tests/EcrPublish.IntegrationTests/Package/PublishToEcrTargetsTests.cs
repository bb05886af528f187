using System.Text.Json;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.Package;

/// <summary>
/// Runs the packed EcrPublish inside real 'dotnet publish' builds. Each test is one publish (about 10 s),
/// so related assertions share a run.
/// </summary>
[Collection(PackageTestGroup.Name)]
public sealed class PublishToEcrTargetsTests(PackageFixture package)
{
    [Fact]
    public async Task Valid_inputs_compute_tags_with_LibGit2Sharp_inside_MSBuild_and_reach_the_pipeline()
    {
        var project = await ConsumerProject.CreateAsync(package, "validapp");
        var shortSha = await project.GitAsync("rev-parse", "--short=7", "HEAD");

        // An ECR endpoint nobody listens on: the pipeline is reached, builds the image (on scratch, so no base image
        // is fetched) and fails at its first AWS call.
        var result = await project.PublishAsync(
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_MAX_ATTEMPTS"] = "1" },
            "-p:PublishToEcr=true", "-p:EcrRegion=eu-west-1", "-p:EcrServiceUrl=http://127.0.0.1:9", "-p:ContainerBaseImage=scratch");
        var output = result.Output;

        // {sha} can only equal git's own answer if LibGit2Sharp's native library loaded in MSBuild's plugin context.
        Assert.Contains($"EcrPublish: image tags v1.2.3, {shortSha}, v1.2.3-{shortSha}, latest", output, StringComparison.Ordinal);
        Assert.DoesNotContain("DllNotFoundException", output, StringComparison.Ordinal);
        // Every input was valid, so the only error is the unreachable endpoint (an ECR2xxx client error).
        Assert.Matches(@"error ECR2\d{3}", output);
        Assert.DoesNotMatch(@"error ECR1\d{3}", output);

        // The package is a development dependency: the consumer's restore graph holds nothing but EcrPublish.
        using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(project.Directory, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name);
        Assert.Equal([$"EcrPublish/{package.Version}"], libraries);
    }

    [Fact]
    public async Task Bad_inputs_each_fail_with_their_code_before_the_pipeline_runs()
    {
        var project = await ConsumerProject.CreateAsync(package, "badinputs");

        var result = await project.PublishAsync(
            "-p:PublishToEcr=true",
            "-p:EcrRepository=Bad Repo Name",
            "-p:EcrRegion=Europe-West",
            "-p:EcrRegistryId=12345",
            "-p:EcrLifecyclePolicyFile=missing-lifecycle.json",
            "-p:EcrRepositoryPolicyFile=lifecycle-broken.json",
            "-p:EcrScan=Sometimes");
        var output = result.Output;

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR1001: EcrRepository 'Bad Repo Name'", output, StringComparison.Ordinal);
        Assert.Contains("error ECR1003: EcrRegion 'Europe-West'", output, StringComparison.Ordinal);
        Assert.Contains("error ECR1004: EcrRegistryId '12345'", output, StringComparison.Ordinal);
        Assert.Contains("error ECR1030: EcrLifecyclePolicyFile", output, StringComparison.Ordinal);
        Assert.Contains("error ECR1031: EcrRepositoryPolicyFile", output, StringComparison.Ordinal);
        Assert.Contains("error ECR1024: EcrScan 'Sometimes'", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"ECR[2-6]\d{3}", output);
    }

    [Fact]
    public async Task Bad_tag_templates_fail_while_computing_tags_before_anything_else()
    {
        var project = await ConsumerProject.CreateAsync(package, "badtags");

        // %3B is MSBuild's escape for ';', the template separator.
        var result = await project.PublishAsync("-p:PublishToEcr=true", "-p:EcrImageTags=latest%3Bbad tag%3B{nope}%3B{build}", "-p:EcrRegion=nowhere");
        var output = result.Output;

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR1013: Tag template 'bad tag'", output, StringComparison.Ordinal);
        Assert.Contains("error ECR1011: Unknown token {nope}", output, StringComparison.Ordinal);
        Assert.Contains("error ECR1012: Token {build}", output, StringComparison.Ordinal);
        // PublishToEcr (which would report the bad region) never ran.
        Assert.DoesNotContain("ECR1003", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"ECR[2-6]\d{3}", output);
    }

    [Fact]
    public async Task Nothing_happens_without_PublishToEcr_or_when_the_project_is_not_publishable()
    {
        var project = await ConsumerProject.CreateAsync(package, "offapp");

        var unset = await project.PublishAsync("-p:EcrRegion=not a region");
        var notPublishable = await project.PublishAsync("-p:PublishToEcr=true", "-p:IsPublishable=false", "-p:EcrRegion=not a region");

        Assert.Equal(0, unset.ExitCode);
        Assert.DoesNotContain("EcrPublish", unset.Output, StringComparison.Ordinal);
        Assert.Equal(0, notPublishable.ExitCode);
        Assert.DoesNotContain("EcrPublish", notPublishable.Output, StringComparison.Ordinal);
    }
}
