namespace EcrPublish.LocalEcr.Templates;

/// <summary>ECR's <c>RCTAppliedFor</c> values: the ways ECR (and LocalEcr) create a repository on their own.</summary>
internal static class RepositoryCreationScenario
{
    public const string PullThroughCache = "PULL_THROUGH_CACHE";
    public const string Replication = "REPLICATION";
    public const string CreateOnPush = "CREATE_ON_PUSH";
}
