using System.Text.Json;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// Runs the packed EcrPublish inside a real 'dotnet publish' (about 10 s): the package restores alone and its tasks
/// load from the package's own layout. Property mapping, fallbacks, conditions and input errors are checked
/// in-process, in EcrPublish.Tasks.Tests/Targets.
/// </summary>
public sealed class PublishToEcrTargetsTests(PackageFixture package) : IClassFixture<PackageFixture>
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
}
