using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;
using EcrPublish.Testing;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// The same control-plane calls against moto (a third-party ECR emulator) and LocalEcr must give responses of the
/// same shape: field names and JSON types. Where moto is known to be wrong (shared/reference/ecr-api.md §7), the
/// difference is listed in <see cref="MotoDeviations"/> with the reason; any other difference fails the test.
/// </summary>
public sealed class MotoDifferentialTests : IAsyncLifetime
{
    /// <summary>Paths where moto's response differs from ECR's, and why LocalEcr follows ECR instead.</summary>
    private static readonly Dictionary<string, string> MotoDeviations = new(StringComparer.Ordinal)
    {
        // moto never returns these ImageDetail members (ecr-api.md §7); ECR does for pushed images.
        ["DescribeImages $.imageDetails[].artifactMediaType:string"] = "moto omits artifactMediaType",
        ["DescribeImages $.imageDetails[].imageStatus:string"] = "moto omits imageStatus (ECR returns ACTIVE since the archive feature)",
        // moto sends both 'message' and 'Message' in error bodies; ECR's error shapes only have lower-case 'message'.
        ["RepositoryNotFound $.Message:string"] = "moto duplicates the message as 'Message'",
        ["ImageNotFound $.Message:string"] = "moto duplicates the message as 'Message'",
    };

    private LocalEcrHarness ecr = null!;

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync();

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Fact]
    public async Task Control_plane_responses_have_the_same_shape_as_motos()
    {
        // moto is shared by every test of the run, and registry-wide settings (replication, scanning) are per
        // region there: a region no other test writes to keeps its answers those of a fresh registry.
        using var moto = new SignedEcrClient(new Uri(TestEnvironment.MotoUrl), "test", "test", region: "eu-north-1");
        var name = "diff/" + Guid.NewGuid().ToString("N")[..12];
        var unexpected = new List<string>();
        await CompareAsync(moto, unexpected, new List<(string Label, string Operation, JsonObject Body)>
        {
            ("CreateRepository", "CreateRepository", new() { ["repositoryName"] = name, ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = true }, ["tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "a" }) }),
            ("DescribeRepositories", "DescribeRepositories", new() { ["repositoryNames"] = new JsonArray(name) }),
            ("PutImageScanningConfiguration", "PutImageScanningConfiguration", new() { ["repositoryName"] = name, ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = false } }),
            ("TagResource", "TagResource", new() { ["resourceArn"] = $"arn:aws:ecr:us-east-1:123456789012:repository/{name}", ["tags"] = new JsonArray(new JsonObject { ["Key"] = "env", ["Value"] = "dev" }) }),
            ("ListTagsForResource", "ListTagsForResource", new() { ["resourceArn"] = $"arn:aws:ecr:us-east-1:123456789012:repository/{name}" }),
            ("UntagResource", "UntagResource", new() { ["resourceArn"] = $"arn:aws:ecr:us-east-1:123456789012:repository/{name}", ["tagKeys"] = new JsonArray("env") }),
            ("GetAuthorizationToken", "GetAuthorizationToken", []),
            ("DescribeRegistry", "DescribeRegistry", []),
        });

        // The layers PutImage references must exist in LocalEcr's repository (moto does not check).
        using var registry = await ecr.RegistryAsync();
        var manifest = Encoding.UTF8.GetString(await registry.UploadImageContentAsync(name));
        await CompareAsync(moto, unexpected, new List<(string Label, string Operation, JsonObject Body)>
        {
            ("PutImage", "PutImage", new() { ["repositoryName"] = name, ["imageManifest"] = manifest, ["imageTag"] = "v1" }),
            ("ListImages", "ListImages", new() { ["repositoryName"] = name }),
            ("DescribeImages", "DescribeImages", new() { ["repositoryName"] = name }),
            ("BatchGetImage", "BatchGetImage", new() { ["repositoryName"] = name, ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "v1" }) }),
            ("PutImageTagMutability", "PutImageTagMutability", new() { ["repositoryName"] = name, ["imageTagMutability"] = "IMMUTABLE" }),
            ("BatchDeleteImage", "BatchDeleteImage", new() { ["repositoryName"] = name, ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "v1" }, new JsonObject { ["imageTag"] = "ghost" }) }),
            ("ImageNotFound", "DescribeImages", new() { ["repositoryName"] = name, ["imageIds"] = new JsonArray(new JsonObject { ["imageTag"] = "ghost" }) }),
            ("DeleteRepository", "DeleteRepository", new() { ["repositoryName"] = name, ["force"] = true }),
            ("RepositoryNotFound", "DescribeRepositories", new() { ["repositoryNames"] = new JsonArray(name) }),
        });

        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
        Assert.Equal(MotoDeviations.Keys.Order(StringComparer.Ordinal), observedDeviations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Where_moto_departs_from_ECR_LocalEcr_follows_ECR()
    {
        // moto is shared by every test of the run, and registry-wide settings (replication, scanning) are per
        // region there: a region no other test writes to keeps its answers those of a fresh registry.
        using var moto = new SignedEcrClient(new Uri(TestEnvironment.MotoUrl), "test", "test", region: "eu-north-1");
        var name = "diff/" + Guid.NewGuid().ToString("N")[..12];
        var create = new JsonObject { ["repositoryName"] = name, ["imageTagMutability"] = "IMMUTABLE" }.ToJsonString();
        (await moto.CallAsync("CreateRepository", create)).Ok();
        (await ecr.Ecr.CallAsync("CreateRepository", create)).Ok();
        using var registry = await ecr.RegistryAsync();
        var manifest = Encoding.UTF8.GetString(await registry.UploadImageContentAsync(name));
        var put = new JsonObject { ["repositoryName"] = name, ["imageManifest"] = manifest, ["imageTag"] = "v1" }.ToJsonString();

        // Digest: ECR's is the sha256 of the exact manifest bytes; moto hashes the layer digests instead.
        var motoPut = (await moto.CallAsync("PutImage", put)).Ok();
        var localPut = (await ecr.Ecr.CallAsync("PutImage", put)).Ok();
        var digest = RegistryTestClient.Digest(Encoding.UTF8.GetBytes(manifest));
        Assert.Equal(digest, localPut["image"]!["imageId"]!["imageDigest"]!.GetValue<string>());
        Assert.NotEqual(digest, motoPut["image"]!["imageId"]!["imageDigest"]!.GetValue<string>());

        // Re-putting an immutable tag: ECR raises ImageTagAlreadyExistsException; moto raises ImageAlreadyExistsException.
        Assert.Equal("ImageAlreadyExistsException", (await moto.CallAsync("PutImage", put)).ErrorType);
        Assert.Equal("ImageTagAlreadyExistsException", (await ecr.Ecr.CallAsync("PutImage", put)).ErrorType);

        // GetAuthorizationToken: ECR's token expires in 12 hours; moto's expiresAt is fixed in 2015.
        static double ExpiresAt(JsonNode response) => response["authorizationData"]![0]!["expiresAt"]!.GetValue<double>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.True(ExpiresAt((await moto.CallAsync("GetAuthorizationToken", "{}")).Ok()) < now);
        Assert.InRange(ExpiresAt((await ecr.Ecr.CallAsync("GetAuthorizationToken", "{}")).Ok()) - now, (12 * 3600) - 60, (12 * 3600) + 60);

        // ListImages filter: moto ignores tagStatus; ECR (and LocalEcr) apply it.
        var untagged = new JsonObject { ["repositoryName"] = name, ["filter"] = new JsonObject { ["tagStatus"] = "UNTAGGED" } }.ToJsonString();
        Assert.NotEmpty((await moto.CallAsync("ListImages", untagged)).Ok()["imageIds"]!.AsArray());
        Assert.Empty((await ecr.Ecr.CallAsync("ListImages", untagged)).Ok()["imageIds"]!.AsArray());
    }

    private readonly List<string> observedDeviations = [];

    private async Task CompareAsync(SignedEcrClient moto, List<string> unexpected, List<(string Label, string Operation, JsonObject Body)> steps)
    {
        foreach (var (label, operation, body) in steps)
        {
            var fromMoto = await moto.CallAsync(operation, body.ToJsonString());
            var fromLocal = await ecr.Ecr.CallAsync(operation, body.ToJsonString());
            Assert.True(fromMoto.StatusCode == fromLocal.StatusCode, $"{label}: moto {fromMoto.StatusCode} {fromMoto.Body?.ToJsonString()}, LocalEcr {fromLocal.StatusCode} {fromLocal.Body?.ToJsonString()}");
            Assert.Equal(fromMoto.ErrorType, fromLocal.ErrorType);
            var motoShape = JsonShape.Of(fromMoto.Body ?? new JsonObject());
            var localShape = JsonShape.Of(fromLocal.Body ?? new JsonObject());
            observedDeviations.AddRange(motoShape.Except(localShape).Concat(localShape.Except(motoShape)).Select(path => $"{label} {path}").Where(MotoDeviations.ContainsKey));
            unexpected.AddRange(motoShape.Except(localShape).Select(path => $"{label} {path}").Where(path => !MotoDeviations.ContainsKey(path)).Select(path => "only moto:   " + path));
            unexpected.AddRange(localShape.Except(motoShape).Select(path => $"{label} {path}").Where(path => !MotoDeviations.ContainsKey(path)).Select(path => "only LocalEcr: " + path));
        }
    }
}
