namespace EcrPublish.Publishing;

/// <summary>How the repository is created when missing, and the policies kept in sync with it ("repository as code").</summary>
/// <param name="Create">Create the repository when it does not exist (<c>EcrCreateRepository</c>).</param>
/// <param name="ScanOnPush">Basic scanning on push for a new repository (<c>EcrScanOnPush</c>).</param>
/// <param name="TagMutability">An ECR imageTagMutability value, e.g. <c>IMMUTABLE_WITH_EXCLUSION</c>.</param>
/// <param name="TagMutabilityExclusionFilters">Tag filters exempt from immutability (only for the *_WITH_EXCLUSION values).</param>
/// <param name="EncryptionType"><c>AES256</c>, <c>KMS</c>, <c>KMS_DSSE</c> or null (ECR's default, AES256).</param>
/// <param name="KmsKey">KMS key id or ARN, for KMS encryption.</param>
/// <param name="Tags">AWS resource tags from the <c>EcrRepositoryTag</c> items.</param>
/// <param name="LifecyclePolicyJson">The lifecycle policy document, or null to leave it alone.</param>
/// <param name="RepositoryPolicyJson">The repository (permissions) policy document, or null to leave it alone.</param>
public sealed record RepositorySettings(
    bool Create,
    bool ScanOnPush,
    string TagMutability,
    IReadOnlyList<string> TagMutabilityExclusionFilters,
    string? EncryptionType,
    string? KmsKey,
    IReadOnlyDictionary<string, string> Tags,
    string? LifecyclePolicyJson,
    string? RepositoryPolicyJson)
{
    /// <summary>
    /// <c>EcrCreateRepository=Template</c>: a missing repository is not created with CreateRepository but by ECR on
    /// push, from the <c>CREATE_ON_PUSH</c> repository creation template that covers its name.
    /// </summary>
    public bool CreateByTemplate { get; init; }

    /// <summary>
    /// The project lists exclusion filters, so an existing repository's mutability and filters are made to match
    /// (PutImageTagMutability when they differ); without them an existing repository's mutability is left alone.
    /// </summary>
    public bool SyncTagMutability { get; init; }
}
