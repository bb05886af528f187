using EcrPublish.Core.Tests.EcrRules;
using EcrPublish.EcrRules;
using EcrPublish.LocalEcr.Regions;
using EcrPublish.LocalEcr.Validation;

namespace EcrPublish.LocalEcr.Tests.Validation;

/// <summary>LocalEcr's rules over Core's table of ECR rule vectors (linked from Core.Tests), so LocalEcr agrees with dotnet publish and dotnet ecr.</summary>
public sealed class EcrRuleVectorTests
{
    public static TheoryData<string, bool, string> RepositoryNames => EcrRuleVectors.Rows(EcrRuleVectors.RepositoryNames);

    public static TheoryData<string, bool, string> Regions => EcrRuleVectors.Rows(EcrRuleVectors.Regions);

    public static TheoryData<string, bool, string> RegistryIds => EcrRuleVectors.Rows(EcrRuleVectors.RegistryIds);

    public static TheoryData<string, bool, string> ImageTags => EcrRuleVectors.Rows(EcrRuleVectors.ImageTags);

    public static TheoryData<string, bool, string> WellFormedDigests => EcrRuleVectors.Rows(EcrRuleVectors.WellFormedDigests);

    public static TheoryData<string, bool, string> Sha256Digests => EcrRuleVectors.Rows(EcrRuleVectors.Sha256Digests);

    [Theory]
    [MemberData(nameof(RepositoryNames))]
    public void RepositoryNameRule_agrees(string name, bool valid, string why)
    {
        Assert.True(valid == RepositoryNameRule.IsValid(name), why);
        Assert.True(valid == (RepositoryNameRule.Violation(name) is null), why);
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public void A_scoped_registry_path_names_exactly_the_valid_regions(string region, bool valid, string why) =>
        Assert.True(valid == ScopedRegistryPath.Parse($"/v2/123456789012.dkr.ecr.{region}/app/manifests/1") is not null, why);

    [Theory]
    [MemberData(nameof(RegistryIds))]
    public void A_scoped_registry_path_names_exactly_the_valid_accounts(string account, bool valid, string why) =>
        Assert.True(valid == ScopedRegistryPath.Parse($"/v2/{account}.dkr.ecr.us-east-1/app/manifests/1") is not null, why);

    [Theory]
    [MemberData(nameof(ImageTags))]
    public void TagRule_agrees(string tag, bool valid, string why) => Assert.True(valid == TagRule.IsValid(tag), why);

    [Theory]
    [MemberData(nameof(WellFormedDigests))]
    public void DigestRule_agrees_on_well_formed_digests(string digest, bool valid, string why) =>
        Assert.True(valid == DigestRule.IsWellFormed(digest), why);

    [Theory]
    [MemberData(nameof(Sha256Digests))]
    public void DigestRule_agrees_on_stored_digests(string digest, bool valid, string why) =>
        Assert.True(valid == DigestRule.IsValid(digest), why);

    [Theory]
    [InlineData("a", "must have length greater than or equal to 2")]
    [InlineData(null, "must not be null")]
    [InlineData("a__b", "must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*'")]
    public void RepositoryNameRule_words_the_violation_as_ECR_does(string? name, string violation) =>
        Assert.Equal(violation, RepositoryNameRule.Violation(name));

    [Fact]
    public void RepositoryNameRule_words_a_too_long_name_as_ECR_does() =>
        Assert.Equal("must have length less than or equal to 256", RepositoryNameRule.Violation(new string('a', 257)));
}
