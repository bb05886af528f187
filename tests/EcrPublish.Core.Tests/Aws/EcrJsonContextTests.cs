using System.Text.Json;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

/// <summary>The wire shape of requests: member names exactly as in the ECR model, absent members omitted.</summary>
public sealed class EcrJsonContextTests
{
    [Fact]
    public void CreateRepository_request_uses_model_member_names()
    {
        var request = new CreateRepositoryRequest
        {
            RepositoryName = "team/app",
            ImageTagMutability = "IMMUTABLE_WITH_EXCLUSION",
            ImageTagMutabilityExclusionFilters = [new ImageTagMutabilityExclusionFilter { FilterType = "WILDCARD", Filter = "latest" }],
            ImageScanningConfiguration = new ImageScanningConfiguration { ScanOnPush = true },
            EncryptionConfiguration = new EncryptionConfiguration { EncryptionType = "KMS", KmsKey = "alias/ecr" },
            Tags = [new Tag { Key = "team", Value = "platform" }],
        };

        var json = JsonSerializer.Serialize(request, EcrJsonContext.Default.CreateRepositoryRequest);

        const string expected = """"{"repositoryName":"team/app","tags":[{"Key":"team","Value":"platform"}],"imageTagMutability":"IMMUTABLE_WITH_EXCLUSION","imageTagMutabilityExclusionFilters":[{"filterType":"WILDCARD","filter":"latest"}],"imageScanningConfiguration":{"scanOnPush":true},"encryptionConfiguration":{"encryptionType":"KMS","kmsKey":"alias/ecr"}}"""";
        Assert.Equal(expected, json);
    }

    [Fact]
    public void Requests_without_members_serialize_to_an_empty_object()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new DescribeRegistryRequest(), EcrJsonContext.Default.DescribeRegistryRequest));
        Assert.Equal("{}", JsonSerializer.Serialize(new GetAuthorizationTokenRequest(), EcrJsonContext.Default.GetAuthorizationTokenRequest));
    }

    [Fact]
    public void Responses_ignore_unknown_members_and_read_nested_shapes()
    {
        var response = JsonSerializer.Deserialize(
            """{"imageDetails":[{"imageDigest":"sha256:abc","imageTags":["v1"],"imageSizeInBytes":1234,"newFutureMember":{"x":1},"imageScanFindingsSummary":{"findingSeverityCounts":{"HIGH":2}}}],"nextToken":"t"}""",
            EcrJsonContext.Default.DescribeImagesResponse)!;

        var detail = Assert.Single(response.ImageDetails!);
        Assert.Equal("sha256:abc", detail.ImageDigest);
        Assert.Equal(1234, detail.ImageSizeInBytes);
        Assert.Equal(2, detail.ImageScanFindingsSummary!.FindingSeverityCounts!["HIGH"]);
        Assert.Equal("t", response.NextToken);
    }
}
