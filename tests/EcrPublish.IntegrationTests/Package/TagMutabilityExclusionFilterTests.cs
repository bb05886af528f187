using System.Text.Json;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// <c>EcrImageTagMutabilityExclusionFilter</c> items through 'dotnet publish' into LocalEcr: given on CreateRepository,
/// and on an existing repository put again (PutImageTagMutability) only when they differ, as the real AWS CLI v1 sees them (the installed v2 predates the filters).
/// </summary>
public sealed class TagMutabilityExclusionFilterTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    [Fact]
    public async Task The_filters_are_created_and_kept_in_sync_only_when_they_change()
    {
        await using var localEcr = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2eexclusion", web: true);
        // Outside the project's git repository, so changing the filters leaves the image (and its tags) as they were.
        var filtersFile = Path.Combine(Directory.CreateDirectory(project.Directory + "-filters").FullName, "filters.targets");
        await File.WriteAllTextAsync(filtersFile, Filters("latest", "dev-*"));
        await project.AddToProjectFileAsync($"<Import Project=\"{filtersFile}\" />");
        var environment = LocalEcrEnvironment.For(localEcr);
        string[] where =
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={localEcr.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}",
            "-p:EcrRepository=team/filters", "-p:EcrImageTagMutability=IMMUTABLE_WITH_EXCLUSION", "-p:EcrScanOnPush=false",
        ];

        var created = await project.PublishAsync(environment, where);

        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Equal("IMMUTABLE_WITH_EXCLUSION:WILDCARD/latest,WILDCARD/dev-*", await MutabilityAsync(localEcr));
        Assert.Equal(0, localEcr.CallCount("PutImageTagMutability"));

        var unchanged = await project.PublishAsync(environment, where);
        Assert.True(unchanged.ExitCode == 0, unchanged.Output);
        Assert.Equal(0, localEcr.CallCount("PutImageTagMutability"));

        await File.WriteAllTextAsync(filtersFile, Filters("latest", "rc-*", "nightly"));
        var changed = await project.PublishAsync(environment, where);
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Contains("set the tag mutability of team/filters to IMMUTABLE_WITH_EXCLUSION excluding latest, rc-*, nightly", changed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, localEcr.CallCount("PutImageTagMutability"));
        Assert.Equal("IMMUTABLE_WITH_EXCLUSION:WILDCARD/latest,WILDCARD/rc-*,WILDCARD/nightly", await MutabilityAsync(localEcr));
        Assert.Equal(1, localEcr.CallCount("CreateRepository"));
    }

    // '*' written as MSBuild's escape %2A, as the README says: a bare '*' in Include is a file glob to MSBuild.
    private static string Filters(params string[] filters) =>
        $"<Project><ItemGroup>{string.Concat(filters.Select(filter => $"<EcrImageTagMutabilityExclusionFilter Include=\"{filter.Replace("*", "%2A", StringComparison.Ordinal)}\" />"))}</ItemGroup></Project>";

    private static async Task<string> MutabilityAsync(LocalEcrServer localEcr)
    {
        var result = (await AwsCliRunner.RunAsync(TestEnvironment.AwsCliV1,
            ["ecr", "describe-repositories", "--repository-names", "team/filters", "--endpoint-url", localEcr.Endpoint.ToString(), "--region", localEcr.Options.Region, "--output", "json"],
            LocalEcrEnvironment.For(localEcr))).EnsureSuccess();
        using var described = JsonDocument.Parse(result.StandardOutput);
        var repository = described.RootElement.GetProperty("repositories")[0];
        var filters = repository.TryGetProperty("imageTagMutabilityExclusionFilters", out var list)
            ? list.EnumerateArray().Select(filter => $"{filter.GetProperty("filterType").GetString()}/{filter.GetProperty("filter").GetString()}")
            : [];
        return $"{repository.GetProperty("imageTagMutability").GetString()}:{string.Join(",", filters)}";
    }
}
