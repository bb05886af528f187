namespace EcrPublish.LocalEcr.Policies;

/// <summary>Which ECR resource policy a document is for; they differ in what ECR accepts.</summary>
internal enum PolicyKind
{
    /// <summary>SetRepositoryPolicy: Resource optional (the repository is implied), Sids need not be unique.</summary>
    Repository,

    /// <summary>PutRegistryPolicy: Resource required, unique Sids, only the registry-level ECR actions.</summary>
    Registry,
}
