using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// Visual Studio 2022's MSBuild cannot load .NET tasks, so there the container step runs in a child 'dotnet msbuild'
/// of the project. EcrRunThroughDotnetCli=true takes that path on 'dotnet publish', so it is proven here: the image is
/// pushed, and the child's coded errors become the build's.
/// </summary>
public sealed class DotnetCliPathTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task Publishes_through_a_child_dotnet_msbuild_as_Visual_Studio_2022_does()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2eclipath", web: true);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(localEcr),
            "-p:PublishToEcr=true", "-p:EcrRunThroughDotnetCli=true", $"-p:EcrServiceUrl={localEcr.Endpoint}",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", "-p:EcrRepository=e2e/clipath", "-p:EcrScan=None", "-v:n");

        var output = result.Output;
        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("dotnet msbuild \"", output, StringComparison.Ordinal);
        Assert.Contains("ecrpublish.child.rsp", output, StringComparison.Ordinal);
        var responseFile = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.child.rsp", SearchOption.AllDirectories));
        Assert.Contains($"-p:EcrServiceUrl=\"{localEcr.Endpoint}\"", await File.ReadAllTextAsync(responseFile), StringComparison.Ordinal);
        Assert.Contains($"EcrPublish: {localEcr.RegistryHost}/e2e/clipath@sha256:", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));

        await LocalEcrEnvironment.PullAsync(localEcr, $"{localEcr.RegistryHost}/e2e/clipath:v1.2.3");
        await using var container = await RunningContainer.StartWebAppAsync($"{localEcr.RegistryHost}/e2e/clipath:v1.2.3");
        Assert.Equal("hello", await container.GetAsync("/"));
    }

    [Fact]
    public async Task The_childs_coded_errors_fail_the_build_before_anything_is_created_and_a_quote_in_a_value_adds_no_switch()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2eclipatherror", web: true);

        // A '"' in a value must not end the quoted value in the child's response file and add switches of its own
        // (here a valid region that would hide the bad one). MSBuild reads environment variables as properties.
        const string Region = "Not_A_Region\" -p:EcrRegion=us-east-1 -p:Foo=\"bar";
        var environment = LocalEcrEnvironment.For(localEcr);
        environment["EcrRegion"] = Region;
        var result = await project.PublishAsync(environment,
            "-p:PublishToEcr=true", "-p:EcrRunThroughDotnetCli=true", $"-p:EcrServiceUrl={localEcr.Endpoint}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR1003", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"EcrRegion '{Region}'", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("error ECR1092", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, localEcr.CallCount("CreateRepository"));
    }
}
