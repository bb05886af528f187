using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests.Security;

/// <summary>.NET's <c>$</c> also matches before a final "\n": names and tags with one must still be refused.</summary>
public sealed class TrailingNewlineTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync();

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task CreateRepository_refuses_a_name_ending_in_a_newline()
    {
        var response = await ecr.Ecr.CallAsync("CreateRepository", new JsonObject { ["repositoryName"] = "ab\n" });
        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("RepositoryNotFoundException", (await ecr.Ecr.CallAsync("DescribeRepositories", new JsonObject { ["repositoryNames"] = new JsonArray("ab") })).ErrorType);
    }

    [Fact]
    public async Task A_manifest_PUT_refuses_a_tag_ending_in_a_newline()
    {
        await ecr.CreateRepositoryAsync("newline-tag");
        using var registry = await ecr.RegistryAsync();
        var manifest = await registry.UploadImageContentAsync("newline-tag", layers: 1);

        using var response = await registry.SendAsync(HttpMethod.Put, "/v2/newline-tag/manifests/latest%0A", manifest, RegistryTestClient.OciManifest);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("TAG_INVALID", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("latest\n")]
    [InlineData("lat est")]
    [InlineData(".hidden")]
    public async Task PutImage_refuses_a_tag_with_a_newline_or_other_characters_outside_the_tag_grammar(string tag)
    {
        await ecr.CreateRepositoryAsync("putimage-tag");
        using var registry = await ecr.RegistryAsync();
        var manifest = System.Text.Encoding.UTF8.GetString(await registry.UploadImageContentAsync("putimage-tag", layers: 1));

        var response = await ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = "putimage-tag", ["imageManifest"] = manifest, ["imageTag"] = tag });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        var images = (await ecr.Ecr.CallAsync("DescribeImages", new JsonObject { ["repositoryName"] = "putimage-tag" })).Ok()["imageDetails"]!.AsArray();
        Assert.Empty(images);
    }
}
