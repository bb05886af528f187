namespace EcrPublish.LocalEcr.Maintenance;

/// <summary>What one lifecycle run did to one repository.</summary>
/// <param name="RepositoryName">The repository.</param>
/// <param name="ExpiredImageDigests">The images deleted, in push order.</param>
/// <param name="TransitionsSkipped">Images a rule would move to archive storage; LocalEcr has none, so they stay.</param>
public sealed record LifecycleRunResult(string RepositoryName, IReadOnlyList<string> ExpiredImageDigests, int TransitionsSkipped);
