namespace EcrPublish.LocalEcr.Storage;

/// <summary>A PutReplicationConfiguration rule: repositories whose names start with a filter (all, when there are none) replicate to every destination.</summary>
internal sealed class ReplicationRule
{
    public List<ReplicationDestination> Destinations { get; init; } = [];

    /// <summary>The <c>PREFIX_MATCH</c> repository filters.</summary>
    public List<string> RepositoryPrefixes { get; init; } = [];

    public bool Matches(string repositoryName) =>
        RepositoryPrefixes.Count == 0 || RepositoryPrefixes.Any(prefix => repositoryName.StartsWith(prefix, StringComparison.Ordinal));
}
