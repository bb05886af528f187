using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.IntegrationTests.Aws;

/// <summary>Image, authorization and scanning operations of <see cref="EcrApiClient"/> against moto.</summary>
public sealed class MotoImageTests
{
    private static string Manifest(string layerSeed) => $$"""
        {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
         "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1234,"digest":"sha256:{{new string('c', 64)}}"},
         "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":99,"digest":"sha256:{{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(layerSeed)))}}"}]}
        """;

    [Fact]
    public async Task Puts_lists_describes_gets_and_deletes_images()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-images");
        await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        var put = await client.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Manifest("one"), ImageTag = "1.0.0" });
        var digest = put.Image!.ImageId!.ImageDigest!;
        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
        await client.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Manifest("one"), ImageTag = "latest" });

        var listed = new List<ImageIdentifier>();
        await foreach (var id in client.ListAllImagesAsync(new ListImagesRequest { RepositoryName = name }))
        {
            listed.Add(id);
        }

        Assert.Equal(["1.0.0", "latest"], listed.Select(id => id.ImageTag).Order(StringComparer.Ordinal));
        Assert.All(listed, id => Assert.Equal(digest, id.ImageDigest));

        var details = new List<ImageDetail>();
        await foreach (var detail in client.DescribeAllImagesAsync(new DescribeImagesRequest { RepositoryName = name }))
        {
            details.Add(detail);
        }

        var image = Assert.Single(details);
        Assert.Equal(["1.0.0", "latest"], image.ImageTags!.Order(StringComparer.Ordinal));
        Assert.Equal(1234, image.ImageSizeInBytes); // moto reports config.size
        Assert.NotNull(image.ImagePushedAt);

        var got = await client.BatchGetImageAsync(new BatchGetImageRequest
        {
            RepositoryName = name,
            ImageIds = [new ImageIdentifier { ImageTag = "1.0.0" }, new ImageIdentifier { ImageTag = "missing" }],
        });
        Assert.Equal(Manifest("one"), Assert.Single(got.Images!).ImageManifest);
        Assert.Equal("missing", Assert.Single(got.Failures!).ImageId!.ImageTag);

        var again = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Manifest("one"), ImageTag = "latest" }));
        Assert.Equal(EcrServiceErrorCodes.ImageAlreadyExists, again.ErrorCode);

        var notEmpty = await Assert.ThrowsAsync<EcrServiceException>(() => client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name }));
        Assert.Equal(EcrServiceErrorCodes.RepositoryNotEmpty, notEmpty.ErrorCode);

        var deleted = await client.BatchDeleteImageAsync(new BatchDeleteImageRequest
        {
            RepositoryName = name,
            ImageIds = [new ImageIdentifier { ImageTag = "1.0.0" }, new ImageIdentifier { ImageTag = "nope" }],
        });
        Assert.Equal("1.0.0", Assert.Single(deleted.ImageIds!).ImageTag);
        Assert.Equal("ImageNotFound", Assert.Single(deleted.Failures!).FailureCode);

        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name, Force = true });
    }

    [Fact]
    public async Task Immutable_repository_rejects_moving_a_tag_moto_reports_ImageAlreadyExistsException()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-immutable");
        await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = "IMMUTABLE" });
        await client.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Manifest("a"), ImageTag = "v1" });

        var error = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Manifest("b"), ImageTag = "v1" }));

        // Real ECR answers ImageTagAlreadyExistsException here; moto 5.2.1 uses ImageAlreadyExistsException (ecr-api.md §7).
        Assert.Contains(error.ErrorCode, new[] { EcrServiceErrorCodes.ImageTagAlreadyExists, EcrServiceErrorCodes.ImageAlreadyExists });
        Assert.Contains("v1", error.ServiceMessage, StringComparison.Ordinal);
        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name, Force = true });
    }

    [Fact]
    public async Task Authorization_token_is_decoded_and_never_printed()
    {
        using var client = MotoClientFactory.Create("eu-central-1");

        var token = await client.GetRegistryCredentialsAsync();

        Assert.Equal("AWS", token.Username);
        Assert.Equal($"{MotoClientFactory.Account}-auth-token", token.Password); // moto's fake password
        Assert.Equal(new Uri($"https://{MotoClientFactory.Account}.dkr.ecr.eu-central-1.amazonaws.com"), token.ProxyEndpoint);
        Assert.Equal($"{MotoClientFactory.Account}.dkr.ecr.eu-central-1.amazonaws.com", token.RegistryHost);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1420070400), token.ExpiresAt); // moto's fixed 2015-01-01
        Assert.DoesNotContain(token.Password, token.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scans_an_image_and_waits_for_the_findings()
    {
        using var client = MotoClientFactory.Create();
        var name = MotoClientFactory.UniqueName("ecrpub-scan");
        await client.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        await client.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Manifest("scan"), ImageTag = "v1" });
        var request = new DescribeImageScanFindingsRequest { RepositoryName = name, ImageId = new ImageIdentifier { ImageTag = "v1" } };

        var before = await Assert.ThrowsAsync<EcrServiceException>(() => client.WaitForImageScanCompleteAsync(request));
        Assert.Equal(EcrServiceErrorCodes.ScanNotFound, before.ErrorCode); // an error ends the waiter, as in botocore

        var started = await client.StartImageScanAsync(new StartImageScanRequest { RepositoryName = name, ImageId = new ImageIdentifier { ImageTag = "v1" } });
        Assert.Equal("IN_PROGRESS", started.ImageScanStatus!.Status);

        var complete = await client.WaitForImageScanCompleteAsync(request, new WaiterOptions(TimeSpan.FromMilliseconds(50), 10));
        Assert.Equal("COMPLETE", complete.ImageScanStatus!.Status);
        Assert.Equal(1, complete.ImageScanFindings!.FindingSeverityCounts!["HIGH"]);
        Assert.Equal("CVE-9999-9999", Assert.Single(complete.ImageScanFindings.Findings!).Name);

        var pages = new List<DescribeImageScanFindingsResponse>();
        await foreach (var page in client.DescribeAllImageScanFindingsAsync(request))
        {
            pages.Add(page);
        }

        Assert.Equal("CVE-9999-9999", Assert.Single(Assert.Single(pages).ImageScanFindings!.Findings!).Name);

        var secondScan = await Assert.ThrowsAsync<EcrServiceException>(
            () => client.StartImageScanAsync(new StartImageScanRequest { RepositoryName = name, ImageId = new ImageIdentifier { ImageTag = "v1" } }));
        Assert.Equal(EcrServiceErrorCodes.LimitExceeded, secondScan.ErrorCode); // one scan per image per day; not retried
        await client.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name, Force = true });
    }
}
