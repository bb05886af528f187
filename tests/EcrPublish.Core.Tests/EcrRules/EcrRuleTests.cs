using EcrPublish.EcrRules;
using Xunit;

namespace EcrPublish.Core.Tests.EcrRules;

/// <summary>The rules that have a single consumer, the rule type, which callers use directly.</summary>
public class EcrRuleTests
{
    public static TheoryData<string, bool, string> Regions => EcrRuleVectors.Rows(EcrRuleVectors.Regions);

    public static TheoryData<string, bool, string> WellFormedDigests => EcrRuleVectors.Rows(EcrRuleVectors.WellFormedDigests);

    public static TheoryData<string, bool, string> Sha256Digests => EcrRuleVectors.Rows(EcrRuleVectors.Sha256Digests);

    [Theory]
    [MemberData(nameof(Regions))]
    public void Region_codes_follow_the_AWS_shape(string region, bool valid, string why) =>
        Assert.True(valid == EcrRegion.IsValid(region), why);

    [Theory]
    [MemberData(nameof(WellFormedDigests))]
    public void Digests_are_well_formed_per_ECR_regex(string digest, bool valid, string why) =>
        Assert.True(valid == EcrDigest.IsWellFormed(digest), why);

    [Theory]
    [MemberData(nameof(Sha256Digests))]
    public void Stored_digests_are_sha256_lower_case_hex(string digest, bool valid, string why) =>
        Assert.True(valid == EcrDigest.IsSha256(digest), why);

    [Fact]
    public void A_replication_region_follows_the_model_shape()
    {
        Assert.True(EcrRegion.MatchesModel("us-east-1"));
        Assert.False(EcrRegion.MatchesModel("us-east-1\n"));
        Assert.False(EcrRegion.MatchesModel("a"));
        Assert.False(EcrRegion.MatchesModel(new string('a', 26)));
    }

    [Fact]
    public void The_verdict_names_the_broken_part_of_the_repository_name_rule()
    {
        Assert.Equal(RepositoryNameVerdict.TooShort, EcrRepositoryName.Check("a"));
        Assert.Equal(RepositoryNameVerdict.TooLong, EcrRepositoryName.Check(new string('a', 257)));
        Assert.Equal(RepositoryNameVerdict.BadCharacters, EcrRepositoryName.Check("a__b"));
        Assert.Equal(RepositoryNameVerdict.Valid, EcrRepositoryName.Check("a_b"));
    }

    [Fact]
    public void PutImage_tags_may_be_300_characters_of_the_same_grammar()
    {
        Assert.True(EcrImageTag.IsValidPutImageTag(new string('a', 300)));
        Assert.False(EcrImageTag.IsValidPutImageTag(new string('a', 301)));
        Assert.False(EcrImageTag.IsValidPutImageTag("-" + new string('a', 200)));
    }
}
