namespace EcrPublish.EcrRules;

/// <summary>
/// Which repositories a repository creation template's prefix covers: <c>ROOT</c> every name, any other prefix the
/// names under it (<c>team</c> covers <c>team/api</c>, not <c>team</c> nor <c>teams/api</c>).
/// </summary>
public static class EcrRepositoryCreationTemplatePrefix
{
    /// <summary>The prefix of the template that applies to every repository.</summary>
    public const string Root = "ROOT";

    /// <summary>The <c>appliedFor</c> scenario of ECR's create on push.</summary>
    public const string CreateOnPush = "CREATE_ON_PUSH";

    /// <summary>Whether a template with <paramref name="prefix"/> applies to <paramref name="repositoryName"/>.</summary>
    public static bool Covers(string prefix, string repositoryName) =>
        prefix == Root || repositoryName.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>The prefix a template for <paramref name="repositoryName"/> would take: its first path segment, else <c>ROOT</c>.</summary>
    public static string Suggest(string repositoryName) =>
        repositoryName.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? repositoryName[..slash] : Root;
}
