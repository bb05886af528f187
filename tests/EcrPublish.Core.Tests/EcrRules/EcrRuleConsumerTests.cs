using EcrPublish.Aws;
using EcrPublish.Aws.Model;
using EcrPublish.Docker;
using EcrPublish.EcrRules;
using EcrPublish.Tagging;
using EcrPublish.Validation;
using Xunit;

namespace EcrPublish.Core.Tests.EcrRules;

/// <summary>
/// Every consumer of an ECR rule in Core, run over the same vectors: the rule type itself, <c>dotnet publish</c>'s
/// validation and <c>dotnet ecr</c>'s request validator. LocalEcr's consumers run the table in LocalEcr.Tests.
/// </summary>
public class EcrRuleConsumerTests
{
    private static readonly Dictionary<string, Func<string, bool>> RepositoryNameConsumers = new()
    {
        ["EcrRepositoryName"] = EcrRepositoryName.IsValid,
        ["dotnet publish: RepositoryNameRules"] = name => RepositoryNameRules.Explain(name) is null,
        ["dotnet ecr: EcrRequestValidator"] = name => Accepts(() => EcrRequestValidator.RepositoryName(name)),
    };

    private static readonly Dictionary<string, Func<string, bool>> ImageTagConsumers = new()
    {
        ["EcrImageTag"] = EcrImageTag.IsValid,
        ["dotnet publish: TagProblemExplainer"] = tag => TagProblemExplainer.Explain(tag, []) is null,
        ["dotnet publish (Docker): DockerRepositoryName"] = tag => Accepts(() => DockerRepositoryName.ValidateTag(tag)),
        ["dotnet ecr: EcrRequestValidator"] = tag => Accepts(() => EcrRequestValidator.ImageTag(tag)),
    };

    private static readonly Dictionary<string, Func<string, bool>> RegistryIdConsumers = new()
    {
        ["EcrRegistryId"] = EcrRegistryId.IsValid,
        ["dotnet ecr: EcrRequestValidator"] = id => Accepts(() => EcrRequestValidator.RegistryId(id)),
    };

    private static readonly Dictionary<string, Func<string, bool>> TagMutabilityConsumers = new()
    {
        ["EcrTagMutability"] = EcrTagMutability.IsValid,
        ["dotnet ecr: EcrRequestValidator"] = value => Accepts(() => EcrRequestValidator.TagMutability(
            value,
            EcrTagMutability.TakesExclusionFilters(value) ? [new ImageTagMutabilityExclusionFilter { FilterType = "WILDCARD", Filter = "latest" }] : null)),
    };

    private static readonly Dictionary<string, Func<string, bool>> EncryptionTypeConsumers = new()
    {
        ["EcrEncryptionType"] = EcrEncryptionType.IsValid,
        ["dotnet ecr: EcrRequestValidator"] = type => Accepts(() => EcrRequestValidator.Encryption(new EncryptionConfiguration { EncryptionType = type })),
    };

    private static readonly Dictionary<string, Func<string, bool>> ExclusionFilterConsumers = new()
    {
        ["EcrTagMutabilityExclusionFilter"] = EcrTagMutabilityExclusionFilter.IsValid,
        ["dotnet ecr: EcrRequestValidator"] = filter => Accepts(() => EcrRequestValidator.TagMutability(
            EcrTagMutability.ImmutableWithExclusion,
            [new ImageTagMutabilityExclusionFilter { FilterType = EcrTagMutabilityExclusionFilter.Wildcard, Filter = filter }])),
    };

    private static readonly Dictionary<string, Func<string, bool>> PullThroughCachePrefixConsumers = new()
    {
        ["EcrPullThroughCachePrefix"] = EcrPullThroughCachePrefix.IsValid,
        ["dotnet ecr: EcrRequestValidator"] = prefix => Accepts(() => EcrRequestValidator.PullThroughCachePrefix(prefix)),
    };

    public static TheoryData<string, string, bool, string> RepositoryNames => Cross(RepositoryNameConsumers, EcrRuleVectors.RepositoryNames);

    public static TheoryData<string, string, bool, string> ImageTags => Cross(ImageTagConsumers, EcrRuleVectors.ImageTags);

    public static TheoryData<string, string, bool, string> RegistryIds => Cross(RegistryIdConsumers, EcrRuleVectors.RegistryIds);

    public static TheoryData<string, string, bool, string> TagMutabilities => Cross(TagMutabilityConsumers, EcrRuleVectors.TagMutabilities);

    public static TheoryData<string, string, bool, string> EncryptionTypes => Cross(EncryptionTypeConsumers, EcrRuleVectors.EncryptionTypes);

    public static TheoryData<string, string, bool, string> ExclusionFilters => Cross(ExclusionFilterConsumers, EcrRuleVectors.ExclusionFilters);

    public static TheoryData<string, string, bool, string> PullThroughCachePrefixes => Cross(PullThroughCachePrefixConsumers, EcrRuleVectors.PullThroughCachePrefixes);

    [Theory]
    [MemberData(nameof(RepositoryNames))]
    public void Every_consumer_agrees_on_repository_names(string consumer, string name, bool valid, string why) =>
        Assert.True(valid == RepositoryNameConsumers[consumer](name), $"{consumer} on '{name}': expected {(valid ? "valid" : "invalid")} ({why})");

    [Theory]
    [MemberData(nameof(ImageTags))]
    public void Every_consumer_agrees_on_image_tags(string consumer, string tag, bool valid, string why) =>
        Assert.True(valid == ImageTagConsumers[consumer](tag), $"{consumer} on '{tag}': expected {(valid ? "valid" : "invalid")} ({why})");

    [Theory]
    [MemberData(nameof(RegistryIds))]
    public void Every_consumer_agrees_on_registry_ids(string consumer, string id, bool valid, string why) =>
        Assert.True(valid == RegistryIdConsumers[consumer](id), $"{consumer} on '{id}': expected {(valid ? "valid" : "invalid")} ({why})");

    [Theory]
    [MemberData(nameof(TagMutabilities))]
    public void Every_consumer_agrees_on_tag_mutabilities(string consumer, string value, bool valid, string why) =>
        Assert.True(valid == TagMutabilityConsumers[consumer](value), $"{consumer} on '{value}': expected {(valid ? "valid" : "invalid")} ({why})");

    [Theory]
    [MemberData(nameof(EncryptionTypes))]
    public void Every_consumer_agrees_on_encryption_types(string consumer, string value, bool valid, string why) =>
        Assert.True(valid == EncryptionTypeConsumers[consumer](value), $"{consumer} on '{value}': expected {(valid ? "valid" : "invalid")} ({why})");

    [Theory]
    [MemberData(nameof(ExclusionFilters))]
    public void Every_consumer_agrees_on_tag_mutability_exclusion_filters(string consumer, string filter, bool valid, string why) =>
        Assert.True(valid == ExclusionFilterConsumers[consumer](filter), $"{consumer} on '{filter}': expected {(valid ? "valid" : "invalid")} ({why})");

    [Theory]
    [MemberData(nameof(PullThroughCachePrefixes))]
    public void Every_consumer_agrees_on_pull_through_cache_prefixes(string consumer, string prefix, bool valid, string why) =>
        Assert.True(valid == PullThroughCachePrefixConsumers[consumer](prefix), $"{consumer} on '{prefix}': expected {(valid ? "valid" : "invalid")} ({why})");

    private static TheoryData<string, string, bool, string> Cross(
        Dictionary<string, Func<string, bool>> consumers,
        (string Value, bool Valid, string Why)[] vectors)
    {
        var rows = new TheoryData<string, string, bool, string>();
        foreach (var consumer in consumers.Keys)
        {
            foreach (var (value, valid, why) in vectors)
            {
                rows.Add(consumer, value, valid, why);
            }
        }

        return rows;
    }

    private static bool Accepts(Action validate)
    {
        try
        {
            validate();
            return true;
        }
        catch (EcrClientException)
        {
            return false;
        }
        catch (DockerEngineException)
        {
            return false;
        }
    }
}
