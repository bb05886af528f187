using EcrPublish.Aws.Model;

namespace EcrPublish.Publishing;

/// <summary>The repository a publish pushes to, and whether this publish created it (then it holds no blob and no tag yet).</summary>
public sealed record ProvisionedRepository(Repository Repository, bool Created)
{
    /// <summary>EcrCreateRepository=Template and the repository is missing: the CREATE_ON_PUSH template ECR creates it from on the first push; null otherwise.</summary>
    public RepositoryCreationTemplate? CreateOnPushTemplate { get; init; }
}
