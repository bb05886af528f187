namespace EcrPublish.Iam;

/// <summary>
/// The IAM resource of the KMS key that encrypts a repository. IAM matches key ARNs only, so an alias becomes the keys
/// of its account and region narrowed by <c>kms:ResourceAliases</c>; no key at all means ECR's AWS managed key, <c>alias/aws/ecr</c>.
/// </summary>
/// <param name="Arn">The key ARN, or <c>arn:…:kms:REGION:ACCOUNT:key/*</c> for an alias.</param>
/// <param name="Alias">The alias name (<c>alias/…</c>) the key must carry, or null for a key ARN.</param>
public sealed record KmsKeyResource(string Arn, string? Alias)
{
    /// <summary>ECR's AWS managed key, used when the repository is KMS-encrypted without <c>EcrKmsKey</c>.</summary>
    public const string EcrManagedKeyAlias = "alias/aws/ecr";

    /// <summary>The resource of <paramref name="kmsKey"/> (id, ARN, alias or alias ARN) for a repository at <paramref name="repository"/>.</summary>
    public static KmsKeyResource Of(string? kmsKey, EcrRepositoryLocation repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var partition = Aws.AwsPartition.ForRegion(repository.Region).Id;
        string AnyKey(string region, string account) => $"arn:{partition}:kms:{region}:{account}:key/*";
        if (string.IsNullOrWhiteSpace(kmsKey))
        {
            return new KmsKeyResource(AnyKey(repository.Region, repository.RegistryId), EcrManagedKeyAlias);
        }

        var key = kmsKey.Trim();
        if (key.StartsWith("arn:", StringComparison.Ordinal) && key.Split(':', 6) is [_, var keyPartition, "kms", var region, var account, var resource])
        {
            return resource.StartsWith("alias/", StringComparison.Ordinal)
                ? new KmsKeyResource($"arn:{keyPartition}:kms:{region}:{account}:key/*", resource)
                : new KmsKeyResource(key, null);
        }

        return key.StartsWith("alias/", StringComparison.Ordinal)
            ? new KmsKeyResource(AnyKey(repository.Region, repository.RegistryId), key)
            : new KmsKeyResource($"arn:{partition}:kms:{repository.Region}:{repository.RegistryId}:key/{key}", null);
    }
}
