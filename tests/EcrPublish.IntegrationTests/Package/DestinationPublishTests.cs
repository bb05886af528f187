using System.Text.Json;
using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.LocalEcr;
using EcrPublish.Testing;
using Xunit;

namespace EcrPublish.IntegrationTests.Package;

/// <summary>
/// One 'dotnet publish' to two registries: the main one and an <c>EcrDestination</c> in another region and account,
/// each a LocalEcr of its own. One build, one digest in both, both repositories created with their referrers, both in
/// the result file; publishing again sends nothing to either.
/// </summary>
public sealed class DestinationPublishTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private const string OtherAccount = "111122223333";

    [Fact]
    public async Task Pushes_the_same_digest_to_both_registries_lists_both_and_a_republish_sends_nothing()
    {
        await using var main = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        await using var west = await LocalEcrServer.StartAsync(new LocalEcrOptions { Region = "us-west-2", AccountId = OtherAccount });
        var project = await ConsumerProject.CreateAsync(package, "e2edestinations", web: true);
        await project.AddToProjectFileAsync($"""
            <ItemGroup>
              <EcrDestination Include="west" Region="us-west-2" RegistryId="{OtherAccount}" ServiceUrl="{west.Endpoint}" />
            </ItemGroup>
            """);
        var environment = LocalEcrEnvironment.For(main);
        environment["GITHUB_OUTPUT"] = Path.Combine(project.Directory, "github-output");
        string[] where =
        [
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={main.Endpoint}", "-p:EcrRepository=team/hello",
            $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}", "-p:EcrScan=None", "-p:EcrSbom=true", "-p:EcrProvenance=true",
        ];

        var first = await project.PublishAsync(environment, where);

        Assert.True(first.ExitCode == 0, first.Output);
        var images = ResultImages(project);
        Assert.Equal(2, images.Count);
        var (mainImage, westImage) = (images[0], images[1]);
        Assert.Equal($"{main.RegistryHost}/team/hello", mainImage.GetProperty("repositoryUri").GetString());
        Assert.Equal(JsonValueKind.Null, mainImage.GetProperty("destination").ValueKind);
        Assert.Equal("west", westImage.GetProperty("destination").GetString());
        Assert.Equal($"{west.RegistryHost}/team/hello", westImage.GetProperty("repositoryUri").GetString());
        var digest = mainImage.GetProperty("digest").GetString()!;
        Assert.Equal(digest, westImage.GetProperty("digest").GetString());
        Assert.Equal(mainImage.GetProperty("referrers").GetArrayLength(), westImage.GetProperty("referrers").GetArrayLength());
        Assert.True(westImage.GetProperty("referrers").GetArrayLength() > 0, westImage.ToString());
        Assert.Contains($"EcrPublish: {west.RegistryHost}/team/hello@{digest} tags v1.2.3, ", first.Output, StringComparison.Ordinal);
        Assert.Contains($"{main.RegistryHost}/team/hello@{digest}\n{west.RegistryHost}/team/hello@{digest}", await File.ReadAllTextAsync(environment["GITHUB_OUTPUT"]!), StringComparison.Ordinal);

        foreach (var (localEcr, registryId) in new[] { (main, main.Options.AccountId), (west, OtherAccount) })
        {
            Assert.Equal(1, localEcr.CallCount("CreateRepository"));
            using var ecr = Client(localEcr);
            var tagged = await ecr.DescribeImagesAsync(new DescribeImagesRequest
            {
                RegistryId = registryId,
                RepositoryName = "team/hello",
                ImageIds = [new ImageIdentifier { ImageTag = "v1.2.3" }],
            });
            Assert.Equal(digest, Assert.Single(tagged.ImageDetails!).ImageDigest);
        }

        var again = await project.PublishAsync(environment, where);

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains($"EcrPublish: {main.RegistryHost}/team/hello@{digest} tags v1.2.3, ", again.Output, StringComparison.Ordinal);
        Assert.Contains($"EcrPublish: {west.RegistryHost}/team/hello@{digest} tags v1.2.3, ", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, again.Output.Split("(unchanged, nothing sent)").Length - 1);
        Assert.Equal(1, main.CallCount("CreateRepository"));
        Assert.Equal(1, west.CallCount("CreateRepository"));
    }

    [Fact]
    public async Task A_destination_item_that_names_no_registry_fails_before_anything_is_built_or_created()
    {
        await using var main = await LocalEcrServer.StartAsync(new LocalEcrOptions());
        var project = await ConsumerProject.CreateAsync(package, "e2ebaddestination", web: true);
        await project.AddToProjectFileAsync("""
            <ItemGroup>
              <EcrDestination Include="backup" />
            </ItemGroup>
            """);

        var result = await project.PublishAsync(LocalEcrEnvironment.For(main),
            "-p:PublishToEcr=true", $"-p:EcrServiceUrl={main.Endpoint}", $"-p:ContainerBaseImage={TestEnvironment.AspNetBaseImage}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error ECR1070", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, main.CallCount("CreateRepository"));
        Assert.Equal(0, main.CallCount("GetAuthorizationToken"));
    }

    private static List<JsonElement> ResultImages(ConsumerProject project)
    {
        var path = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "ecrpublish.result.json", SearchOption.AllDirectories));
        using var result = JsonDocument.Parse(File.ReadAllText(path));
        return [.. result.RootElement.GetProperty("images").EnumerateArray().Select(image => image.Clone())];
    }

    private static EcrApiClient Client(LocalEcrServer localEcr) => new(new EcrClientOptions
    {
        Region = localEcr.Options.Region,
        ServiceUrl = localEcr.Endpoint,
        Credentials = new Amazon.Runtime.BasicAWSCredentials(localEcr.Options.AccessKeyId, localEcr.Options.SecretAccessKey),
    });
}
