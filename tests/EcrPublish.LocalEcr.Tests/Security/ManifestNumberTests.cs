using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests.Security;

/// <summary>Numbers in a manifest that are not what they must be (fractional, huge, negative) are a 400, never a 500, and store nothing.</summary>
public sealed class ManifestNumberTests : IAsyncLifetime
{
    private const string Repository = "manifest-numbers";
    private LocalEcrHarness ecr = null!;
    private RegistryTestClient registry = null!;
    private JsonObject valid = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        await ecr.CreateRepositoryAsync(Repository);
        registry = await ecr.RegistryAsync();
        valid = JsonNode.Parse(await registry.UploadImageContentAsync(Repository, layers: 1))!.AsObject();
    }

    public async Task DisposeAsync()
    {
        registry.Dispose();
        await ecr.DisposeAsync();
    }

    public static TheoryData<string, string> BadNumbers => new()
    {
        { "schemaVersion", "2.5" },
        { "schemaVersion", "1e99" },
        { "schemaVersion", "99999999999999999999" },
        { "config.size", "1.5" },
        { "config.size", "-5" },
        { "config.size", "1e99" },
        { "layers.size", "-1" },
        { "layers.size", "9223372036854775807" },
    };

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public async Task Through_the_registry_it_is_MANIFEST_INVALID(string where, string number)
    {
        var manifest = With(where, number);
        var before = ecr.DataFiles();

        using var response = await registry.SendAsync(HttpMethod.Put, $"/v2/{Repository}/manifests/bad", manifest, RegistryTestClient.OciManifest);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("MANIFEST_INVALID", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(before, ecr.DataFiles());
    }

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public async Task Through_PutImage_it_is_an_InvalidParameterException(string where, string number)
    {
        var manifest = Encoding.UTF8.GetString(With(where, number));
        var before = ecr.DataFiles();

        var response = await ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = Repository, ["imageManifest"] = manifest, ["imageTag"] = "bad" });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(before, ecr.DataFiles());
    }

    [Fact]
    public async Task The_unchanged_manifest_is_stored_so_the_cases_above_fail_only_for_their_number()
    {
        using var response = await registry.SendAsync(HttpMethod.Put, $"/v2/{Repository}/manifests/good", Encoding.UTF8.GetBytes(valid.ToJsonString()), RegistryTestClient.OciManifest);
        Assert.Equal(201, (int)response.StatusCode);
    }

    // The manifest with one number replaced by raw JSON text (System.Text.Json would not write 1e99 or 2.5 as given).
    private byte[] With(string where, string number)
    {
        var copy = valid.DeepClone().AsObject();
        const string Marker = "\"__number__\"";
        switch (where)
        {
            case "schemaVersion":
                copy["schemaVersion"] = "__number__";
                break;
            case "config.size":
                copy["config"]!["size"] = "__number__";
                break;
            default:
                copy["layers"]![0]!["size"] = "__number__";
                break;
        }

        return Encoding.UTF8.GetBytes(copy.ToJsonString().Replace(Marker, number, StringComparison.Ordinal));
    }
}
