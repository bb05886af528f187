namespace EcrPublish.LocalEcr.Policies;

/// <summary>Which ECR resource policy a document is for; they differ in what ECR accepts.</summary>
internal enum PolicyKind
{
    /// <summary>SetRepositoryPolicy: Resource optional (the repository is implied), Sids need not be unique.</summary>
    Repository,

    /// <summary>PutRegistryPolicy: Resource required, unique Sids, only the registry-level ECR actions.</summary>
    Registry,

    /// <summary>An IAM identity policy (attached to a user or role, as <c>dotnet ecr iam-policy</c> prints): no Principal, Resource required, unique Sids.</summary>
    Identity,
}
