using System.Text;
using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>Control-plane semantics the cheat-sheet commands do not reach: pagination, failure shapes, conflicts, limits.</summary>
public sealed class ControlPlaneOperationsTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;
    private RegistryTestClient registry = null!;

    public async Task InitializeAsync()
    {
        ecr = await LocalEcrHarness.StartAsync();
        registry = await ecr.RegistryAsync();
        await ecr.CreateRepositoryAsync("ops/app");
    }

    public async Task DisposeAsync()
    {
        registry.Dispose();
        await ecr.DisposeAsync();
    }

    [Fact]
    public async Task DescribeImages_and_ListImages_page_with_opaque_tokens()
    {
        for (var i = 0; i < 5; i++)
        {
            await registry.PushImageAsync("ops/app", $"p{i}", layers: 1);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["repositoryName"] = "ops/app", ["maxResults"] = 2 };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var page = (await ecr.Ecr.CallAsync("DescribeImages", request)).Ok();
            Assert.InRange(page["imageDetails"]!.AsArray().Count, 1, 2);
            seen.AddRange(page["imageDetails"]!.AsArray().Select(detail => detail!["imageTags"]![0]!.GetValue<string>()));
            token = page["nextToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], seen);
        var listed = (await ecr.Ecr.CallAsync("ListImages", """{"repositoryName":"ops/app","maxResults":3}""")).Ok();
        Assert.Equal(3, listed["imageIds"]!.AsArray().Count);
        Assert.NotNull(listed["nextToken"]);
        var bad = await ecr.Ecr.CallAsync("ListImages", """{"repositoryName":"ops/app","nextToken":"forged"}""");
        Assert.Equal("InvalidParameterException", bad.ErrorType);
        var mixed = await ecr.Ecr.CallAsync("DescribeImages", """{"repositoryName":"ops/app","maxResults":2,"imageIds":[{"imageTag":"p0"}]}""");
        Assert.Equal("InvalidParameterException", mixed.ErrorType);
    }

    [Fact]
    public async Task BatchDeleteImage_reports_ECRs_failure_codes()
    {
        var (digest, _) = await registry.PushImageAsync("ops/app", "keep");
        var (other, _) = await registry.PushImageAsync("ops/app", "other");
        var body = new JsonObject
        {
            ["repositoryName"] = "ops/app",
            ["imageIds"] = new JsonArray(
                new JsonObject { ["imageDigest"] = "sha256:not-hex!" },
                new JsonObject(),
                new JsonObject { ["imageDigest"] = other, ["imageTag"] = "keep" },
                new JsonObject { ["imageTag"] = "ghost" }),
        };
        var response = (await ecr.Ecr.CallAsync("BatchDeleteImage", body)).Ok();
        Assert.Empty(response["imageIds"]!.AsArray());
        Assert.Equal(
            ["InvalidImageDigest", "MissingDigestAndTag", "ImageTagDoesNotMatchDigest", "ImageNotFound"],
            response["failures"]!.AsArray().Select(failure => failure!["failureCode"]!.GetValue<string>()));
        Assert.Equal("{}", response["failures"]![1]!["imageId"]!.ToJsonString());

        var both = (await ecr.Ecr.CallAsync("BatchDeleteImage", new JsonObject { ["repositoryName"] = "ops/app", ["imageIds"] = new JsonArray(new JsonObject { ["imageDigest"] = digest }) })).Ok();
        Assert.Equal(digest, both["imageIds"]![0]!["imageDigest"]!.GetValue<string>());
        Assert.Equal("keep", both["imageIds"]![0]!["imageTag"]!.GetValue<string>());
    }

    [Fact]
    public async Task BatchGetImage_honours_acceptedMediaTypes_and_reports_missing_images_as_failures()
    {
        await registry.PushImageAsync("ops/app", "oci");
        var docker = (await ecr.Ecr.CallAsync("BatchGetImage", """{"repositoryName":"ops/app","imageIds":[{"imageTag":"oci"},{"imageTag":"nope"}],"acceptedMediaTypes":["application/vnd.docker.distribution.manifest.v2+json"]}""")).Ok();
        Assert.Empty(docker["images"]!.AsArray());
        Assert.Equal(2, docker["failures"]!.AsArray().Count);
        var oci = (await ecr.Ecr.CallAsync("BatchGetImage", """{"repositoryName":"ops/app","imageIds":[{"imageTag":"oci"}],"acceptedMediaTypes":["application/vnd.oci.image.manifest.v1+json"]}""")).Ok();
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", oci["images"]![0]!["imageManifestMediaType"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutImage_conflicts_and_checks_are_ECRs()
    {
        var manifest = Encoding.UTF8.GetString(await registry.UploadImageContentAsync("ops/app"));
        var put = new JsonObject { ["repositoryName"] = "ops/app", ["imageManifest"] = manifest, ["imageTag"] = "once" };
        (await ecr.Ecr.CallAsync("PutImage", put)).Ok();
        Assert.Equal("ImageAlreadyExistsException", (await ecr.Ecr.CallAsync("PutImage", put)).ErrorType);

        var wrongDigest = new JsonObject { ["repositoryName"] = "ops/app", ["imageManifest"] = manifest, ["imageDigest"] = "sha256:" + new string('0', 64) };
        Assert.Equal("ImageDigestDoesNotMatchException", (await ecr.Ecr.CallAsync("PutImage", wrongDigest)).ErrorType);

        var dangling = manifest.Replace("\"layers\":[", "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:" + new string('1', 64) + "\",\"size\":5},", StringComparison.Ordinal);
        Assert.Equal("LayersNotFoundException", (await ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = "ops/app", ["imageManifest"] = dangling })).ErrorType);
        Assert.Equal("InvalidParameterException", (await ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = "ops/app", ["imageManifest"] = "not json" })).ErrorType);
        Assert.Equal("RepositoryNotFoundException", (await ecr.Ecr.CallAsync("PutImage", new JsonObject { ["repositoryName"] = "ops/none", ["imageManifest"] = manifest })).ErrorType);

        (await ecr.Ecr.CallAsync("PutImageTagMutability", """{"repositoryName":"ops/app","imageTagMutability":"IMMUTABLE"}""")).Ok();
        var retag = new JsonObject { ["repositoryName"] = "ops/app", ["imageManifest"] = manifest, ["imageTag"] = "once" };
        Assert.Equal("ImageTagAlreadyExistsException", (await ecr.Ecr.CallAsync("PutImage", retag)).ErrorType);
        var newTag = new JsonObject { ["repositoryName"] = "ops/app", ["imageManifest"] = manifest, ["imageTag"] = "twice" };
        (await ecr.Ecr.CallAsync("PutImage", newTag)).Ok();
    }

    [Fact]
    public async Task CreateRepository_validates_its_options()
    {
        Assert.Equal("InvalidParameterException", (await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"ops/x","imageTagMutability":"MUTABLE","imageTagMutabilityExclusionFilters":[{"filterType":"WILDCARD","filter":"a*"}]}""")).ErrorType);
        Assert.Equal("InvalidParameterException", (await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"ops/x","imageTagMutability":"IMMUTABLE_WITH_EXCLUSION"}""")).ErrorType);
        Assert.Equal("InvalidParameterException", (await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"ops/x","imageTagMutability":"SOMETIMES"}""")).ErrorType);
        Assert.Equal("InvalidParameterException", (await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"ops/x","encryptionConfiguration":{"encryptionType":"AES256","kmsKey":"k"}}""")).ErrorType);
        Assert.Equal("InvalidTagParameterException", (await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"ops/x","tags":[{"Key":"aws:reserved","Value":"v"}]}""")).ErrorType);
        var tooMany = new JsonObject { ["repositoryName"] = "ops/x", ["tags"] = new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode)new JsonObject { ["Key"] = $"k{i}", ["Value"] = "v" }).ToArray()) };
        Assert.Equal("TooManyTagsException", (await ecr.Ecr.CallAsync("CreateRepository", tooMany)).ErrorType);
        Assert.Equal("RepositoryNotFoundException", (await ecr.Ecr.CallAsync("DescribeRepositories", """{"repositoryNames":["ops/x"]}""")).ErrorType);

        var kms = (await ecr.Ecr.CallAsync("CreateRepository", """{"repositoryName":"ops/kms","encryptionConfiguration":{"encryptionType":"KMS"}}""")).Ok();
        Assert.StartsWith("arn:aws:kms:us-east-1:123456789012:", kms["repository"]!["encryptionConfiguration"]!["kmsKey"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_can_be_added_replaced_and_removed()
    {
        var arn = "arn:aws:ecr:us-east-1:123456789012:repository/ops/app";
        (await ecr.Ecr.CallAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = new JsonArray(new JsonObject { ["Key"] = "a", ["Value"] = "1" }, new JsonObject { ["Key"] = "b", ["Value"] = "2" }) })).Ok();
        (await ecr.Ecr.CallAsync("TagResource", new JsonObject { ["resourceArn"] = arn, ["tags"] = new JsonArray(new JsonObject { ["Key"] = "a", ["Value"] = "3" }) })).Ok();
        (await ecr.Ecr.CallAsync("UntagResource", new JsonObject { ["resourceArn"] = arn, ["tagKeys"] = new JsonArray("b") })).Ok();
        var tags = (await ecr.Ecr.CallAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = arn })).Ok();
        Assert.Equal("""[{"Key":"a","Value":"3"}]""", tags["tags"]!.ToJsonString());
        Assert.Equal("InvalidParameterException", (await ecr.Ecr.CallAsync("ListTagsForResource", """{"resourceArn":"arn:aws:s3:::bucket"}""")).ErrorType);
    }

    [Fact]
    public async Task Repository_uris_use_the_host_the_request_arrived_on()
    {
        var viaLocalhost = new Uri($"http://localhost:{ecr.Server.Endpoint.Port}");
        using var client = new SignedEcrClient(viaLocalhost, "test", "test");
        var repository = (await client.CallAsync("DescribeRepositories", "{}")).Ok()["repositories"]![0]!;
        Assert.Equal($"localhost:{ecr.Server.Endpoint.Port}/ops/app", repository["repositoryUri"]!.GetValue<string>());
        var token = (await client.CallAsync("GetAuthorizationToken", "{}")).Ok();
        Assert.Equal($"http://localhost:{ecr.Server.Endpoint.Port}", token["authorizationData"]![0]!["proxyEndpoint"]!.GetValue<string>());
    }
}
