using EcrPublish.EcrRules;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// A CreateRepositoryCreationTemplate template: the settings a repository gets when LocalEcr creates it itself (pull
/// through cache, replication, create on push) and its name falls under <see cref="Prefix"/>.
/// </summary>
internal sealed class RepositoryCreationTemplate
{
    /// <summary>The prefix as given without its trailing <c>/</c>, or <c>ROOT</c>.</summary>
    public required string Prefix { get; init; }

    public string? Description { get; set; }

    public string EncryptionType { get; set; } = EcrEncryptionType.Aes256;

    /// <summary>The KMS key as given; null when none was given.</summary>
    public string? KmsKey { get; set; }

    public List<ResourceTag> ResourceTags { get; set; } = [];

    public string ImageTagMutability { get; set; } = EcrTagMutability.Mutable;

    public List<TagMutabilityExclusionFilter> ImageTagMutabilityExclusionFilters { get; set; } = [];

    public string? RepositoryPolicy { get; set; }

    public string? LifecyclePolicy { get; set; }

    /// <summary><c>PULL_THROUGH_CACHE</c>, <c>REPLICATION</c>, <c>CREATE_ON_PUSH</c>, in the order given.</summary>
    public List<string> AppliedFor { get; set; } = [];

    public string? CustomRoleArn { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether a repository named <paramref name="repositoryName"/> falls under this template's prefix (ROOT: every name).</summary>
    public bool Covers(string repositoryName) =>
        EcrRepositoryCreationTemplatePrefix.Covers(Prefix, repositoryName);
}
