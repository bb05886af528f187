using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using Xunit;

namespace EcrPublish.Core.Tests.Aws;

public sealed class EcrRequestValidatorTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("team/app")]
    [InlineData("team/app.web_api-v2")]
    [InlineData("a_b/c.d")]
    public void Accepts_valid_repository_names(string name) => EcrRequestValidator.RepositoryName(name);

    [Theory]
    [InlineData("a")]
    [InlineData("Team/App")]
    [InlineData("-app")]
    [InlineData("app-")]
    [InlineData("team//app")]
    [InlineData("app/")]
    [InlineData("my app")]
    [InlineData("a__b")]
    [InlineData("app--v2")]
    public void Rejects_invalid_repository_names_with_ECR2020(string name)
    {
        var error = Assert.Throws<EcrClientException>(() => EcrRequestValidator.RepositoryName(name));
        Assert.Equal(AwsClientErrorCodes.InvalidRepositoryName, error.Code);
        Assert.StartsWith("ECR2020: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_repository_names_longer_than_256()
    {
        var error = Assert.Throws<EcrClientException>(() => EcrRequestValidator.RepositoryName(new string('a', 257)));
        Assert.Contains("2 to 256", error.Message, StringComparison.Ordinal);
        EcrRequestValidator.RepositoryName(new string('a', 256));
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    public void Rejects_registry_ids_that_are_not_12_digits(string id) =>
        Assert.Equal(AwsClientErrorCodes.InvalidRegistryId, Assert.Throws<EcrClientException>(() => EcrRequestValidator.RegistryId(id)).Code);

    [Fact]
    public void Accepts_a_12_digit_registry_id_or_none()
    {
        EcrRequestValidator.RegistryId("123456789012");
        EcrRequestValidator.RegistryId(null);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("latest")]
    [InlineData("_build-42.sha.abc")]
    public void Accepts_docker_image_tags(string tag) => EcrRequestValidator.ImageTag(tag);

    [Theory]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("with space")]
    [InlineData("feature/x")]
    public void Rejects_invalid_image_tags_with_ECR2026(string tag) =>
        Assert.Equal(AwsClientErrorCodes.InvalidImageTag, Assert.Throws<EcrClientException>(() => EcrRequestValidator.ImageTag(tag)).Code);

    [Fact]
    public void Image_tags_are_limited_to_128_characters()
    {
        EcrRequestValidator.ImageTag(new string('a', 128));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.ImageTag(new string('a', 129)));
    }

    [Fact]
    public void Batches_are_limited_to_100_image_ids()
    {
        var ids = Enumerable.Range(0, 101).Select(i => new ImageIdentifier { ImageTag = $"t{i}" }).ToList();
        var error = Assert.Throws<EcrClientException>(() => EcrRequestValidator.ImageIds(ids, required: true));
        Assert.Equal(AwsClientErrorCodes.BatchTooLarge, error.Code);
        Assert.Contains("101", error.Message, StringComparison.Ordinal);
        EcrRequestValidator.ImageIds(ids.Take(100).ToList(), required: true);
    }

    [Fact]
    public void Image_ids_need_a_tag_or_digest()
    {
        var error = Assert.Throws<EcrClientException>(() => EcrRequestValidator.ImageIds([new ImageIdentifier()], required: true));
        Assert.Equal(AwsClientErrorCodes.MissingParameter, error.Code);
    }

    [Fact]
    public void Resource_tags_follow_AWS_tagging_rules()
    {
        EcrRequestValidator.ResourceTags([new Tag { Key = "team", Value = "" }, new Tag { Key = "cost-center", Value = "42" }], required: true);
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.ResourceTags([new Tag { Key = new string('k', 129), Value = "v" }], required: true));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.ResourceTags([new Tag { Key = "aws:owner", Value = "v" }], required: true));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.ResourceTags([new Tag { Key = "k", Value = new string('v', 257) }], required: true));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.ResourceTags([new Tag { Key = "k", Value = "a" }, new Tag { Key = "k", Value = "b" }], required: true));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.ResourceTags([new Tag { Key = "bad#key", Value = "v" }], required: true));
        var tooMany = Enumerable.Range(0, 51).Select(i => new Tag { Key = $"k{i}", Value = "v" }).ToList();
        Assert.Equal(AwsClientErrorCodes.BatchTooLarge, Assert.Throws<EcrClientException>(() => EcrRequestValidator.ResourceTags(tooMany, required: true)).Code);
    }

    [Fact]
    public void Exclusion_filters_go_only_with_the_WITH_EXCLUSION_mutabilities()
    {
        ImageTagMutabilityExclusionFilter[] filters = [new() { FilterType = "WILDCARD", Filter = "latest*" }];
        EcrRequestValidator.TagMutability("IMMUTABLE_WITH_EXCLUSION", filters);
        EcrRequestValidator.TagMutability("MUTABLE_WITH_EXCLUSION", filters);
        EcrRequestValidator.TagMutability("IMMUTABLE", null);
        Assert.Equal(AwsClientErrorCodes.InvalidImageTag, Assert.Throws<EcrClientException>(() => EcrRequestValidator.TagMutability("IMMUTABLE", filters)).Code);
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.TagMutability("IMMUTABLE_WITH_EXCLUSION", null));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.TagMutability("IMMUTABLE_WITH_EXCLUSION", [new() { FilterType = "WILDCARD", Filter = "bad filter" }]));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.TagMutability("IMMUTABLE_WITH_EXCLUSION", Enumerable.Repeat(filters[0], 6).ToList()));
        Assert.Equal(AwsClientErrorCodes.InvalidParameterValue, Assert.Throws<EcrClientException>(() => EcrRequestValidator.TagMutability("FROZEN", null)).Code);
    }

    [Fact]
    public void Encryption_types_and_kms_key_are_checked()
    {
        EcrRequestValidator.Encryption(new EncryptionConfiguration { EncryptionType = "KMS", KmsKey = "alias/ecr" });
        EcrRequestValidator.Encryption(new EncryptionConfiguration { EncryptionType = "AES256" });
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.Encryption(new EncryptionConfiguration { EncryptionType = "AES256", KmsKey = "alias/ecr" }));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.Encryption(new EncryptionConfiguration { EncryptionType = "RSA" }));
    }

    [Fact]
    public void Policy_text_lengths_are_checked_with_ECR2024()
    {
        var error = Assert.Throws<EcrClientException>(() => EcrRequestValidator.PolicyText("{\"rules\":[]}", 100, 30_720, "lifecyclePolicyText"));
        Assert.Equal(AwsClientErrorCodes.InvalidPolicyText, error.Code);
        Assert.Contains("100 to 30720", error.Message, StringComparison.Ordinal);
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.PolicyText(new string(' ', 10_241), 1, 10_240, "policyText"));
        Assert.Equal(AwsClientErrorCodes.MissingParameter, Assert.Throws<EcrClientException>(() => EcrRequestValidator.PolicyText(null, 1, 10_240, "policyText")).Code);
    }

    [Fact]
    public void Pull_through_cache_prefixes_are_checked()
    {
        EcrRequestValidator.PullThroughCachePrefix("quay");
        EcrRequestValidator.PullThroughCachePrefix("ROOT");
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.PullThroughCachePrefix("q"));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.PullThroughCachePrefix("Quay"));
    }

    [Fact]
    public void Max_results_ranges_are_checked()
    {
        EcrRequestValidator.MaxResults(1000, 1000);
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.MaxResults(0, 1000));
        Assert.Throws<EcrClientException>(() => EcrRequestValidator.MaxResults(101, 100));
    }
}
