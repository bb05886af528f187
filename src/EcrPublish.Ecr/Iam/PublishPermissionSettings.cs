namespace EcrPublish.Iam;

/// <summary>
/// The publish settings that decide which IAM actions a publish calls, as <see cref="PublishPermissionTable"/>'s
/// conditions read them. The defaults are the publish's own defaults (create the repository, wait for the scan when
/// the repository scans on push, wait for ECR managed signing when the registry signs, attach an SBOM and provenance).
/// </summary>
public sealed record PublishPermissionSettings
{
    /// <summary><c>EcrCreateRepository</c>: the repository is created when missing.</summary>
    public bool CreateRepository { get; init; } = true;

    /// <summary><c>EcrCreateRepository=Template</c>: the publish looks for a <c>CREATE_ON_PUSH</c> creation template and ECR creates the repository on the push.</summary>
    public bool CreatesOnPush { get; init; }

    /// <summary>At least one <c>EcrImageTagMutabilityExclusionFilter</c> item: an existing repository's mutability and filters are synced when they differ.</summary>
    public bool SyncsTagMutabilityExclusions { get; init; }

    /// <summary>At least one <c>EcrRepositoryTag</c> item: the new repository is tagged on creation.</summary>
    public bool TagsRepository { get; init; }

    /// <summary><c>EcrLifecyclePolicyFile</c> is set: the lifecycle policy is read and, when it differs, put.</summary>
    public bool SyncsLifecyclePolicy { get; init; }

    /// <summary><c>EcrRepositoryPolicyFile</c> is set: the repository policy is read and, when it differs, set.</summary>
    public bool SyncsRepositoryPolicy { get; init; }

    /// <summary><c>EcrScan=Start</c>: a scan is started after the push.</summary>
    public bool StartsScan { get; init; }

    /// <summary><c>EcrScan</c> is not <c>None</c>: the publish may wait for scan findings (always with Wait or Start, and when the repository scans on push).</summary>
    public bool ReadsScanFindings { get; init; } = true;

    /// <summary><c>EcrWaitForSigning</c> is not <c>false</c>: the registry's signing configuration is read and the signing status polled.</summary>
    public bool WaitsForManagedSigning { get; init; } = true;

    /// <summary><c>EcrSign=true</c>: the publish reads existing signatures (their envelopes are blobs) before signing again.</summary>
    public bool Signs { get; init; }

    /// <summary>
    /// With <c>EcrSign</c>, the KMS key that signs (<c>EcrSigningKey=awskms:…</c> as KMS's <c>KeyId</c>: <c>alias/…</c> or an ARN);
    /// null for a PEM key file or no signing.
    /// </summary>
    public string? SigningKmsKey { get; init; }

    /// <summary>The repository is encrypted with KMS (<c>EcrEncryptionType=KMS</c>/<c>KMS_DSSE</c>, or <c>EcrKmsKey</c> set).</summary>
    public bool KmsEncryption { get; init; }

    /// <summary><c>EcrKmsKey</c>: a key id, key ARN, alias name or alias ARN; null for ECR's AWS managed key.</summary>
    public string? KmsKey { get; init; }

    /// <summary>The base image's repository, when the base image is in a private ECR registry (pulled, and mounted from).</summary>
    public EcrRepositoryLocation? BaseImage { get; init; }
}
