namespace EcrPublish.Publishing.Stages;

/// <summary>Where an image goes.</summary>
/// <param name="RegistryHost">The host[:port] pushed to: the registry endpoint the user named, else the repository's own host.</param>
/// <param name="EcrHost">The host[:port] of the repository's URI, which ECR's credentials serve.</param>
/// <param name="Repository">The repository name.</param>
/// <param name="Tags">The tags to point at the image.</param>
/// <param name="RepositoryIsNew">This publish created the repository, so it holds no blob and no tag yet.</param>
public sealed record PushTarget(string RegistryHost, string EcrHost, string Repository, IReadOnlyList<string> Tags, bool RepositoryIsNew)
{
    /// <summary>The CREATE_ON_PUSH template ECR creates the missing repository from on this push (EcrCreateRepository=Template); null otherwise.</summary>
    public Aws.Model.RepositoryCreationTemplate? CreateOnPushTemplate { get; init; }

    /// <summary>The image's name without tag or digest, e.g. <c>123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello</c>.</summary>
    public string ImageUri => $"{RegistryHost}/{Repository}";
}
