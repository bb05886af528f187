namespace EcrPublish.Iam;

/// <summary>
/// Every operation a publish calls, the IAM action that authorizes it, on which resource, and under which settings:
/// the one source of <c>dotnet ecr iam-policy</c>'s policy and of the action an access denial names. ECR API operations
/// are authorized by the action of the same name; registry requests by the ECR action behind them; a KMS-encrypted
/// repository also needs the caller's rights on its key, which ECR uses on the caller's behalf.
/// </summary>
public static class PublishPermissionTable
{
    private static readonly Func<PublishPermissionSettings, bool> Always = _ => true;

    /// <summary>The rows, in the order the publish calls them.</summary>
    public static IReadOnlyList<PublishPermissionEntry> Rows { get; } =
    [
        new("GetAuthorizationToken", "ecr:GetAuthorizationToken", IamResourceScope.AnyResource, Always, "the registry password"),
        new("DescribeRepositories", "ecr:DescribeRepositories", IamResourceScope.Repository, Always, "find the repository and its scan-on-push setting"),
        new("CreateRepository", "ecr:CreateRepository", IamResourceScope.Repository, s => s.CreateRepository, "create the repository when missing (EcrCreateRepository)"),
        new("CreateRepository", "ecr:TagResource", IamResourceScope.Repository, s => s.CreateRepository && s.TagsRepository, "tag the new repository (EcrRepositoryTag)"),
        new("CreateRepository", "kms:CreateGrant", IamResourceScope.KmsKey, s => s.CreateRepository && s.KmsEncryption, "ECR grants itself the use of the key (EcrEncryptionType=KMS)"),
        new("CreateRepository", "kms:DescribeKey", IamResourceScope.KmsKey, s => s.CreateRepository && s.KmsEncryption, "ECR checks the key (EcrEncryptionType=KMS)"),
        new("DescribeRepositoryCreationTemplates", "ecr:DescribeRepositoryCreationTemplates", IamResourceScope.AnyResource, s => s.CreatesOnPush, "find the CREATE_ON_PUSH template that covers the repository (EcrCreateRepository=Template)"),
        new("PutImageTagMutability", "ecr:PutImageTagMutability", IamResourceScope.Repository, s => s.SyncsTagMutabilityExclusions, "keep the tag mutability and its exclusion filters as declared (EcrImageTagMutabilityExclusionFilter)"),
        new("GetLifecyclePolicy", "ecr:GetLifecyclePolicy", IamResourceScope.Repository, s => s.SyncsLifecyclePolicy, "compare the lifecycle policy (EcrLifecyclePolicyFile)"),
        new("PutLifecyclePolicy", "ecr:PutLifecyclePolicy", IamResourceScope.Repository, s => s.SyncsLifecyclePolicy, "apply the lifecycle policy (EcrLifecyclePolicyFile)"),
        new("GetRepositoryPolicy", "ecr:GetRepositoryPolicy", IamResourceScope.Repository, s => s.SyncsRepositoryPolicy, "compare the repository policy (EcrRepositoryPolicyFile)"),
        new("SetRepositoryPolicy", "ecr:SetRepositoryPolicy", IamResourceScope.Repository, s => s.SyncsRepositoryPolicy, "apply the repository policy (EcrRepositoryPolicyFile)"),
        new(RegistryOperation.ReadManifest, "ecr:BatchGetImage", IamResourceScope.BaseImageRepository, s => s.BaseImage is not null, "read the base image from ECR"),
        new(RegistryOperation.ReadBlob, "ecr:GetDownloadUrlForLayer", IamResourceScope.BaseImageRepository, s => s.BaseImage is not null, "pull or mount the base image's layers"),
        new("BatchGetImage", "ecr:BatchGetImage", IamResourceScope.Repository, Always, "read every tag's digest in one call when pushing to the repository's own registry"),
        new(RegistryOperation.ReadManifest, "ecr:BatchGetImage", IamResourceScope.Repository, Always, "see whether the tags already hold the image; read referrers"),
        new(RegistryOperation.ListReferrers, "ecr:BatchGetImage", IamResourceScope.Repository, Always, "list the image's referrers (ListImageReferrers needs it too)"),
        new(RegistryOperation.CheckBlob, "ecr:BatchCheckLayerAvailability", IamResourceScope.Repository, Always, "skip layers the repository holds"),
        new(RegistryOperation.StartUpload, "ecr:InitiateLayerUpload", IamResourceScope.Repository, Always, "start a layer upload, or mount a layer"),
        new(RegistryOperation.UploadPart, "ecr:UploadLayerPart", IamResourceScope.Repository, Always, "upload a layer"),
        new(RegistryOperation.CompleteUpload, "ecr:CompleteLayerUpload", IamResourceScope.Repository, Always, "finish a layer upload"),
        new(RegistryOperation.PutManifest, "ecr:PutImage", IamResourceScope.Repository, Always, "push the manifests and tags, SBOM, provenance and signatures"),
        // ECR creates a repository on push for a principal allowed to create it: a denied first upload into a repository the
        // template creates names this action (the publish's AccessDenial.ExplainCreateOnPush), any other denied upload the row above.
        new(RegistryOperation.StartUpload, "ecr:CreateRepository", IamResourceScope.Repository, s => s.CreatesOnPush, "ECR creates the repository from the template on the first push (EcrCreateRepository=Template)"),
        new(RegistryOperation.PutManifest, "kms:GenerateDataKey", IamResourceScope.KmsKey, s => s.KmsEncryption, "ECR encrypts what is pushed with the key"),
        new(RegistryOperation.ReadManifest, "kms:Decrypt", IamResourceScope.KmsKey, s => s.KmsEncryption, "ECR decrypts what is read back with the key"),
        new(RegistryOperation.ReadBlob, "ecr:GetDownloadUrlForLayer", IamResourceScope.Repository, s => s.Signs, "read existing signatures before signing (EcrSign)"),
        new("DescribeKey", "kms:DescribeKey", IamResourceScope.SigningKey, s => s.SigningKmsKey is not null, "check the signing key is enabled, before the push (EcrSigningKey=awskms:…)"),
        new("GetPublicKey", "kms:GetPublicKey", IamResourceScope.SigningKey, s => s.SigningKmsKey is not null, "check the signing key matches EcrSigningCertificate, before the push"),
        new("Sign", "kms:Sign", IamResourceScope.SigningKey, s => s.SigningKmsKey is not null, "sign the image; the private key never leaves KMS"),
        new("GetSigningConfiguration", "ecr:GetSigningConfiguration", IamResourceScope.AnyResource, s => s.WaitsForManagedSigning, "whether ECR signs the repository's images (EcrWaitForSigning)"),
        new("DescribeImageSigningStatus", "ecr:DescribeImageSigningStatus", IamResourceScope.Repository, s => s.WaitsForManagedSigning, "wait for ECR managed signing (EcrWaitForSigning)"),
        new("StartImageScan", "ecr:StartImageScan", IamResourceScope.Repository, s => s.StartsScan, "start a scan (EcrScan=Start)"),
        new("DescribeImageScanFindings", "ecr:DescribeImageScanFindings", IamResourceScope.Repository, s => s.ReadsScanFindings, "wait for the scan and read its findings (EcrScan)"),
    ];

    /// <summary>The rows a publish with <paramref name="settings"/> needs.</summary>
    public static IReadOnlyList<PublishPermissionEntry> For(PublishPermissionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. Rows.Where(row => row.Applies(settings))];
    }

    /// <summary>
    /// The ECR action that authorizes <paramref name="operation"/> (an ECR API operation or a <see cref="RegistryOperation"/>)
    /// on the repository the publish pushes to, or null when the table has none.
    /// </summary>
    public static string? EcrActionOf(string operation) => EcrEntryOf(operation)?.Action;

    /// <summary>The row of <see cref="EcrActionOf"/>: the action and the resource it is granted on.</summary>
    public static PublishPermissionEntry? EcrEntryOf(string operation) =>
        Rows.FirstOrDefault(row => row.Operation == operation && row.Scope is IamResourceScope.Repository or IamResourceScope.AnyResource && row.Action.StartsWith("ecr:", StringComparison.Ordinal));
}
