using System.Text;
using System.Text.Json;
using EcrPublish.LocalEcr.Tests.Support;

namespace EcrPublish.LocalEcr.Tests;

/// <summary>
/// The Repository Management, Authentication and Image Management commands of the ECR cheat sheet
/// (shared/seed), run with the real AWS CLI v1 and v2 against LocalEcr: exit code 0 and the documented fields.
/// </summary>
public sealed class AwsCliCheatSheetTests : IAsyncLifetime
{
    private LocalEcrHarness ecr = null!;

    public static TheoryData<string> Clis => new() { "v1", "v2" };

    public async Task InitializeAsync() => ecr = await LocalEcrHarness.StartAsync();

    public async Task DisposeAsync() => await ecr.DisposeAsync();

    [Theory]
    [MemberData(nameof(Clis))]
    public async Task Repository_management_commands_work(string version)
    {
        var aws = new AwsCli(AwsCli.PathOf(version), ecr.Server);

        var created = await aws.JsonAsync("create-repository", "--repository-name", "my-app/backend",
            "--image-scanning-configuration", "scanOnPush=true", "--image-tag-mutability", "IMMUTABLE");
        var repository = created["repository"]!;
        Assert.Equal($"{ecr.Host}/my-app/backend", repository["repositoryUri"]!.GetValue<string>());
        Assert.Equal("arn:aws:ecr:us-east-1:123456789012:repository/my-app/backend", repository["repositoryArn"]!.GetValue<string>());
        Assert.Equal("IMMUTABLE", repository["imageTagMutability"]!.GetValue<string>());
        Assert.True(repository["imageScanningConfiguration"]!["scanOnPush"]!.GetValue<bool>());
        Assert.NotNull(repository["createdAt"]);
        Assert.Equal("123456789012", repository["registryId"]!.GetValue<string>());

        var kms = await aws.JsonAsync("create-repository", "--repository-name", "my-app/backend-kms",
            "--image-scanning-configuration", "scanOnPush=true", "--image-tag-mutability", "IMMUTABLE",
            "--encryption-configuration", "encryptionType=KMS,kmsKey=alias/ecr-key");
        Assert.Equal("KMS", kms["repository"]!["encryptionConfiguration"]!["encryptionType"]!.GetValue<string>());
        Assert.Equal("alias/ecr-key", kms["repository"]!["encryptionConfiguration"]!["kmsKey"]!.GetValue<string>());

        var tagged = await aws.JsonAsync("create-repository", "--repository-name", "my-app/backend-tags",
            "--tags", "Key=Environment,Value=Production", "Key=Team,Value=Backend");
        var tags = await aws.JsonAsync("list-tags-for-resource", "--resource-arn", tagged["repository"]!["repositoryArn"]!.GetValue<string>());
        Assert.Equal("""[{"Key":"Environment","Value":"Production"},{"Key":"Team","Value":"Backend"}]""", tags["tags"]!.ToJsonString());

        var duplicate = await aws.RunRawAsync(null, "create-repository", "--repository-name", "my-app/backend");
        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("RepositoryAlreadyExistsException", duplicate.StandardError, StringComparison.Ordinal);

        var all = await aws.JsonAsync("describe-repositories");
        Assert.Equal(3, all["repositories"]!.AsArray().Count);
        var one = await aws.JsonAsync("describe-repositories", "--repository-names", "my-app/backend");
        Assert.Equal("my-app/backend", one["repositories"]![0]!["repositoryName"]!.GetValue<string>());
        var uri = await aws.RunAsync("describe-repositories", "--repository-names", "my-app/backend",
            "--query", "repositories[0].repositoryUri", "--output", "text");
        Assert.Equal($"{ecr.Host}/my-app/backend", uri.Trim());

        var paged = await aws.JsonAsync("describe-repositories", "--max-items", "2");
        Assert.Equal(2, paged["repositories"]!.AsArray().Count);
        Assert.NotNull(paged["NextToken"]);

        await PushImageAsync("my-app/backend", "v1");
        var notEmpty = await aws.RunRawAsync(null, "delete-repository", "--repository-name", "my-app/backend");
        Assert.NotEqual(0, notEmpty.ExitCode);
        Assert.Contains("RepositoryNotEmptyException", notEmpty.StandardError, StringComparison.Ordinal);
        var forced = await aws.JsonAsync("delete-repository", "--repository-name", "my-app/backend", "--force");
        Assert.Equal("my-app/backend", forced["repository"]!["repositoryName"]!.GetValue<string>());
        var empty = await aws.JsonAsync("delete-repository", "--repository-name", "my-app/backend-kms");
        Assert.Equal("my-app/backend-kms", empty["repository"]!["repositoryName"]!.GetValue<string>());
        Assert.Single((await aws.JsonAsync("describe-repositories"))["repositories"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Clis))]
    public async Task Authentication_commands_work(string version)
    {
        var aws = new AwsCli(AwsCli.PathOf(version), ecr.Server);

        var password = (await aws.RunAsync("get-login-password", "--region", "us-east-1")).Trim();
        using (var registry = new RegistryTestClient(ecr.Server.Endpoint, password))
        using (var response = await registry.SendAsync(HttpMethod.Get, "/v2/"))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        var token = await aws.RunAsync("get-authorization-token", "--query", "authorizationData[0].authorizationToken", "--output", "text");
        Assert.StartsWith("AWS:", Encoding.UTF8.GetString(Convert.FromBase64String(token.Trim())), StringComparison.Ordinal);
        var expiresAt = await aws.JsonAsync("get-authorization-token", "--query", "authorizationData[0].expiresAt");
        Assert.NotNull(expiresAt);
        var data = await aws.JsonAsync("get-authorization-token");
        Assert.Equal(ecr.Server.Endpoint.GetLeftPart(UriPartial.Authority), data["authorizationData"]![0]!["proxyEndpoint"]!.GetValue<string>());
    }

    // v2 only: v1 sends the same JSON 1.1 requests, which the repository and authentication tests already take it through.
    [Theory]
    [InlineData("v2")]
    public async Task Image_management_commands_work(string version)
    {
        var aws = new AwsCli(AwsCli.PathOf(version), ecr.Server);
        await aws.RunAsync("create-repository", "--repository-name", "my-app/backend");
        foreach (var tag in new[] { "v1.0.0", "v1.0.1", "v1.0.2" })
        {
            await PushImageAsync("my-app/backend", tag);
        }

        var untaggedDigest = await PushImageAsync("my-app/backend", null);

        using var registry = await ecr.RegistryAsync();
        var manifest = Encoding.UTF8.GetString(await registry.UploadImageContentAsync("my-app/backend"));
        var manifestFile = Path.Combine(ecr.Server.DataDirectory, "..", $"manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifestFile, manifest);
        try
        {
            var put = await aws.JsonAsync("put-image", "--repository-name", "my-app/backend", "--image-tag", "v1.2.0", "--image-manifest", $"file://{manifestFile}");
            Assert.Equal("v1.2.0", put["image"]!["imageId"]!["imageTag"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(manifestFile);
        }

        var listed = await aws.JsonAsync("list-images", "--repository-name", "my-app/backend");
        Assert.Equal(5, listed["imageIds"]!.AsArray().Count);

        var described = await aws.JsonAsync("describe-images", "--repository-name", "my-app/backend");
        var details = described["imageDetails"]!.AsArray();
        Assert.Equal(5, details.Count);
        Assert.All(details, detail =>
        {
            foreach (var field in new[] { "registryId", "repositoryName", "imageDigest", "imageSizeInBytes", "imagePushedAt", "imageManifestMediaType" })
            {
                Assert.NotNull(detail![field]);
            }
        });

        var sorted = await aws.JsonAsync("describe-images", "--repository-name", "my-app/backend",
            "--query", "sort_by(imageDetails, &imagePushedAt)[*].{Tag:imageTags[0],Pushed:imagePushedAt,Size:imageSizeInBytes}");
        Assert.Equal(5, sorted.AsArray().Count);
        Assert.Equal("v1.0.0", sorted[0]!["Tag"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, sorted[0]!["Size"]!.GetValueKind());

        var untagged = await aws.JsonAsync("describe-images", "--repository-name", "my-app/backend", "--filter", "tagStatus=UNTAGGED");
        Assert.Equal(untaggedDigest, untagged["imageDetails"]!.AsArray().Single()!["imageDigest"]!.GetValue<string>());

        var byTag = await aws.JsonAsync("describe-images", "--repository-name", "my-app/backend", "--image-ids", "imageTag=v1.2.0");
        Assert.Equal("v1.2.0", byTag["imageDetails"]![0]!["imageTags"]![0]!.GetValue<string>());

        var fetched = await aws.RunAsync("batch-get-image", "--repository-name", "my-app/backend", "--image-ids", "imageTag=v1.2.0",
            "--query", "images[0].imageManifest", "--output", "text");
        Assert.Equal(manifest, fetched.TrimEnd('\n'));

        var byTagDelete = await aws.JsonAsync("batch-delete-image", "--repository-name", "my-app/backend", "--image-ids", "imageTag=v1.0.0");
        Assert.Equal("v1.0.0", byTagDelete["imageIds"]![0]!["imageTag"]!.GetValue<string>());
        Assert.Empty(byTagDelete["failures"]!.AsArray());

        var v12Digest = byTag["imageDetails"]![0]!["imageDigest"]!.GetValue<string>();
        var byDigest = await aws.JsonAsync("batch-delete-image", "--repository-name", "my-app/backend", "--image-ids", $"imageDigest={v12Digest}");
        Assert.Equal(v12Digest, byDigest["imageIds"]![0]!["imageDigest"]!.GetValue<string>());

        var several = await aws.JsonAsync("batch-delete-image", "--repository-name", "my-app/backend",
            "--image-ids", "imageTag=v1.0.1", "imageTag=v1.0.2", "imageTag=v9.9.9");
        Assert.Equal(2, several["imageIds"]!.AsArray().Count);
        Assert.Equal("ImageNotFound", several["failures"]![0]!["failureCode"]!.GetValue<string>());

        // "Delete all untagged images": describe → text digests → batch-delete-image per digest.
        var digests = await aws.RunAsync("describe-images", "--repository-name", "my-app/backend", "--filter", "tagStatus=UNTAGGED",
            "--query", "imageDetails[*].imageDigest", "--output", "text");
        foreach (var digest in digests.Split((char[])['\t', '\n', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            await aws.RunAsync("batch-delete-image", "--repository-name", "my-app/backend", "--image-ids", $"imageDigest={digest}");
        }

        Assert.Empty((await aws.JsonAsync("list-images", "--repository-name", "my-app/backend"))["imageIds"]!.AsArray());

        var scanning = await aws.JsonAsync("put-image-scanning-configuration", "--repository-name", "my-app/backend", "--image-scanning-configuration", "scanOnPush=true");
        Assert.True(scanning["imageScanningConfiguration"]!["scanOnPush"]!.GetValue<bool>());
        var mutability = await aws.JsonAsync("put-image-tag-mutability", "--repository-name", "my-app/backend", "--image-tag-mutability", "IMMUTABLE");
        Assert.Equal("IMMUTABLE", mutability["imageTagMutability"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tag_mutability_exclusion_filters_work_with_the_newest_cli()
    {
        var aws = new AwsCli(AwsCli.PathOf("v1"), ecr.Server);
        var created = await aws.JsonAsync("create-repository", "--repository-name", "excl",
            "--image-tag-mutability", "IMMUTABLE_WITH_EXCLUSION",
            "--image-tag-mutability-exclusion-filters", "filterType=WILDCARD,filter=latest", "filterType=WILDCARD,filter=dev-*");
        Assert.Equal(2, created["repository"]!["imageTagMutabilityExclusionFilters"]!.AsArray().Count);

        await PushImageAsync("excl", "latest");
        await PushImageAsync("excl", "latest");
        await PushImageAsync("excl", "dev-1");
        await PushImageAsync("excl", "dev-1");
        await PushImageAsync("excl", "1.0");
        using var registry = await ecr.RegistryAsync();
        var manifest = await registry.UploadImageContentAsync("excl", layers: 1);
        using var overwrite = await registry.SendAsync(HttpMethod.Put, "/v2/excl/manifests/1.0", manifest, RegistryTestClient.OciManifest);
        Assert.Equal(400, (int)overwrite.StatusCode);

        var missingFilters = await aws.RunRawAsync(null, "put-image-tag-mutability", "--repository-name", "excl", "--image-tag-mutability", "MUTABLE_WITH_EXCLUSION");
        Assert.Contains("InvalidParameterException", missingFilters.StandardError, StringComparison.Ordinal);
        var changed = await aws.JsonAsync("put-image-tag-mutability", "--repository-name", "excl", "--image-tag-mutability", "MUTABLE_WITH_EXCLUSION",
            "--image-tag-mutability-exclusion-filters", "filterType=WILDCARD,filter=release-*");
        Assert.Equal("MUTABLE_WITH_EXCLUSION", changed["imageTagMutability"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_printed_AWS_ENDPOINT_URL_ECR_line_is_enough_for_the_cli()
    {
        // Service-specific endpoint variables need botocore >= 1.31 (the pip CLI v1 here; CLI v2 >= 2.13).
        var aws = new AwsCli(AwsCli.PathOf("v1"), ecr.Server, endpointFromEnvironment: true);
        await aws.RunAsync("create-repository", "--repository-name", "via-env");
        var repositories = await aws.JsonAsync("describe-repositories");
        Assert.Equal($"{ecr.Host}/via-env", repositories["repositories"]![0]!["repositoryUri"]!.GetValue<string>());
    }

    private async Task<string> PushImageAsync(string repository, string? tag)
    {
        using var registry = await ecr.RegistryAsync();
        var manifest = await registry.UploadImageContentAsync(repository, layers: 1);
        var digest = RegistryTestClient.Digest(manifest);
        using var put = await registry.SendAsync(HttpMethod.Put, $"/v2/{repository}/manifests/{tag ?? digest}", manifest, RegistryTestClient.OciManifest);
        Assert.True((int)put.StatusCode == 201, await put.Content.ReadAsStringAsync());
        return digest;
    }
}
