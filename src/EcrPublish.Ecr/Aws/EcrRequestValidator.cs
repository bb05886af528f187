using System.Text.RegularExpressions;
using EcrPublish.Aws.Model;
using EcrPublish.EcrRules;

namespace EcrPublish.Aws;

/// <summary>
/// Rejects requests ECR would reject, before anything is sent, with coded messages (ECR2020-ECR2027) that name
/// the bad value and the rule. Limits come from the ECR service model and the ECR quotas page.
/// </summary>
public static class EcrRequestValidator
{
    private const string ResourceTagKeyPattern = @"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z";
    private static readonly string[] ScanTypes = ["BASIC", "ENHANCED"];
    private static readonly string[] ScanFrequencies = ["SCAN_ON_PUSH", "CONTINUOUS_SCAN", "MANUAL"];

    public static void RepositoryName(string? name, string member = "repositoryName")
    {
        Required(name, member);
        var verdict = EcrRepositoryName.Check(name!);
        if (verdict is RepositoryNameVerdict.TooShort or RepositoryNameVerdict.TooLong)
        {
            Fail(AwsClientErrorCodes.InvalidRepositoryName, $"Repository name '{name}' ({member}) must be {EcrRepositoryName.MinLength} to {EcrRepositoryName.MaxLength} characters long, not {name!.Length}.");
        }

        if (verdict == RepositoryNameVerdict.BadCharacters)
        {
            Fail(
                AwsClientErrorCodes.InvalidRepositoryName,
                $"Repository name '{name}' ({member}) is not valid: use lowercase letters, digits, and one '.', '_', '-' or '/' between them " +
                "(it must start and end with a letter or digit).");
        }
    }

    public static void RegistryId(string? registryId)
    {
        if (registryId is not null && !EcrRegistryId.IsValid(registryId))
        {
            Fail(AwsClientErrorCodes.InvalidRegistryId, $"Registry id '{registryId}' must be a 12-digit AWS account id.");
        }
    }

    public static void ImageTag(string? tag, string member = "imageTag")
    {
        Required(tag, member);
        if (!EcrImageTag.IsValid(tag))
        {
            Fail(
                AwsClientErrorCodes.InvalidImageTag,
                $"Image tag '{tag}' ({member}) is not valid: up to 128 characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'.");
        }
    }

    public static void ImageIds(IReadOnlyList<ImageIdentifier>? imageIds, bool required, string member = "imageIds")
    {
        if (imageIds is null)
        {
            if (required)
            {
                Fail(AwsClientErrorCodes.MissingParameter, $"{member} is required and must list 1 to 100 images.");
            }

            return;
        }

        Count(imageIds, 1, 100, member);
        foreach (var id in imageIds)
        {
            if (string.IsNullOrEmpty(id.ImageDigest) && string.IsNullOrEmpty(id.ImageTag))
            {
                Fail(AwsClientErrorCodes.MissingParameter, $"Every entry of {member} needs an imageDigest or an imageTag.");
            }

            if (id.ImageTag is { Length: > EcrImageTag.PutImageMaxLength })
            {
                Fail(AwsClientErrorCodes.InvalidImageTag, $"Image tag in {member} is {id.ImageTag.Length} characters; ECR allows at most {EcrImageTag.PutImageMaxLength}.");
            }
        }
    }

    public static void ResourceTags(IReadOnlyList<Tag>? tags, bool required)
    {
        if (tags is null)
        {
            if (required)
            {
                Fail(AwsClientErrorCodes.MissingParameter, "tags is required.");
            }

            return;
        }

        Count(tags, required ? 1 : 0, 50, "tags");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            ResourceTagKey(tag.Key);
            if (tag.Value is null || tag.Value.Length > 256)
            {
                Fail(AwsClientErrorCodes.InvalidResourceTag, $"The value of tag '{tag.Key}' must be present (may be empty) and at most 256 characters.");
            }

            if (!Matches(tag.Value!, ResourceTagKeyPattern))
            {
                Fail(AwsClientErrorCodes.InvalidResourceTag, $"The value of tag '{tag.Key}' may contain only letters, digits, spaces and _ . : / = + - @.");
            }

            if (!keys.Add(tag.Key!))
            {
                Fail(AwsClientErrorCodes.InvalidResourceTag, $"Tag key '{tag.Key}' appears more than once.");
            }
        }
    }

    public static void ResourceTagKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 128)
        {
            Fail(AwsClientErrorCodes.InvalidResourceTag, $"Tag key '{key}' must be 1 to 128 characters long.");
        }

        if (key!.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            Fail(AwsClientErrorCodes.InvalidResourceTag, $"Tag key '{key}' uses the reserved prefix 'aws:'.");
        }

        if (!Matches(key, ResourceTagKeyPattern))
        {
            Fail(AwsClientErrorCodes.InvalidResourceTag, $"Tag key '{key}' may contain only letters, digits, spaces and _ . : / = + - @.");
        }
    }

    public static void TagMutability(string? mutability, IReadOnlyList<ImageTagMutabilityExclusionFilter>? filters)
    {
        if (mutability is null)
        {
            if (filters is not null)
            {
                Fail(AwsClientErrorCodes.InvalidImageTag, "imageTagMutabilityExclusionFilters need imageTagMutability IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION.");
            }

            return;
        }

        OneOf(mutability, EcrTagMutability.All, "imageTagMutability");
        var withExclusion = EcrTagMutability.TakesExclusionFilters(mutability);
        if (withExclusion && (filters is null || filters.Count == 0))
        {
            Fail(AwsClientErrorCodes.InvalidImageTag, $"imageTagMutability {mutability} needs 1 to 5 imageTagMutabilityExclusionFilters.");
        }

        if (!withExclusion && filters is { Count: > 0 })
        {
            Fail(AwsClientErrorCodes.InvalidImageTag, $"imageTagMutabilityExclusionFilters are only allowed with IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION, not {mutability}.");
        }

        if (filters is null)
        {
            return;
        }

        Count(filters, EcrTagMutabilityExclusionFilter.MinCount, EcrTagMutabilityExclusionFilter.MaxCount, "imageTagMutabilityExclusionFilters");
        foreach (var filter in filters)
        {
            OneOf(filter.FilterType, [EcrTagMutabilityExclusionFilter.Wildcard], "filterType");
            if (!EcrTagMutabilityExclusionFilter.IsValid(filter.Filter))
            {
                Fail(AwsClientErrorCodes.InvalidImageTag, $"Exclusion filter '{filter.Filter}' must be 1 to 128 characters of letters, digits, '.', '_', '-' and '*'.");
            }
        }
    }

    public static void Encryption(EncryptionConfiguration? encryption)
    {
        if (encryption is null)
        {
            return;
        }

        OneOf(encryption.EncryptionType, EcrEncryptionType.All, "encryptionType");
        if (encryption.KmsKey is not null)
        {
            if (!EcrEncryptionType.TakesKmsKey(encryption.EncryptionType))
            {
                Fail(AwsClientErrorCodes.InvalidParameterValue, "kmsKey is only allowed with encryptionType KMS or KMS_DSSE, not AES256.");
            }

            Length(encryption.KmsKey, 1, 2048, "kmsKey", AwsClientErrorCodes.InvalidParameterValue);
        }
    }

    public static void PolicyText(string? text, int min, int max, string member)
    {
        Required(text, member);
        Length(text!, min, max, member, AwsClientErrorCodes.InvalidPolicyText);
    }

    public static void MaxResults(int? maxResults, int max)
    {
        if (maxResults is { } value && (value < 1 || value > max))
        {
            Fail(AwsClientErrorCodes.BatchTooLarge, $"maxResults must be between 1 and {max}, not {value}.");
        }
    }

    public static void Count<T>(IReadOnlyCollection<T> items, int min, int max, string member)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count < min || items.Count > max)
        {
            Fail(AwsClientErrorCodes.BatchTooLarge, $"{member} has {items.Count} entries; ECR accepts {min} to {max} per request. Split it into smaller requests.");
        }
    }

    public static void Required(string? value, string member)
    {
        if (string.IsNullOrEmpty(value))
        {
            Fail(AwsClientErrorCodes.MissingParameter, $"{member} is required.");
        }
    }

    public static void OneOf(string? value, IReadOnlyCollection<string> allowed, string member)
    {
        if (value is null || !allowed.Contains(value))
        {
            Fail(AwsClientErrorCodes.InvalidParameterValue, $"{member} '{value}' is not valid; use one of {string.Join(", ", allowed)}.");
        }
    }

    public static void Length(string value, int min, int max, string member, string code)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < min || value.Length > max)
        {
            Fail(code, $"{member} is {value.Length} characters long; ECR accepts {min} to {max}.");
        }
    }

    public static void ScanningConfiguration(string? scanType, IReadOnlyList<RegistryScanningRule>? rules)
    {
        if (scanType is not null)
        {
            OneOf(scanType, ScanTypes, "scanType");
        }

        if (rules is null)
        {
            return;
        }

        Count(rules, 0, 2, "rules");
        foreach (var rule in rules)
        {
            OneOf(rule.ScanFrequency, ScanFrequencies, "scanFrequency");
            Count(rule.RepositoryFilters ?? [], 1, 100, "repositoryFilters");
        }
    }

    public static void Replication(ReplicationConfiguration? configuration)
    {
        if (configuration?.Rules is null)
        {
            Fail(AwsClientErrorCodes.MissingParameter, "replicationConfiguration.rules is required (an empty list removes replication).");
        }

        Count(configuration!.Rules!, 0, 10, "replicationConfiguration.rules");
        foreach (var rule in configuration.Rules!)
        {
            Count(rule.Destinations ?? [], 1, 100, "destinations");
            foreach (var destination in rule.Destinations!)
            {
                RegistryId(destination.RegistryId);
                if (!EcrRegion.MatchesModel(destination.Region))
                {
                    Fail(AwsClientErrorCodes.InvalidParameterValue, $"Replication destination region '{destination.Region}' is not a region name.");
                }
            }

            if (rule.RepositoryFilters is not null)
            {
                Count(rule.RepositoryFilters, 1, 100, "repositoryFilters");
            }
        }
    }

    public static void PullThroughCachePrefix(string? prefix)
    {
        Required(prefix, "ecrRepositoryPrefix");
        if (!EcrPullThroughCachePrefix.IsValid(prefix))
        {
            Fail(AwsClientErrorCodes.InvalidRepositoryName, $"Pull-through cache prefix '{prefix}' must be 2 to 30 characters of a repository-name prefix, or ROOT.");
        }
    }

    private static bool Matches(string value, string pattern) =>
        Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static void Fail(string code, string message) => throw new EcrClientException(code, message);
}
