namespace EcrPublish.LocalEcr.Storage;

/// <summary>
/// One rule of PutSigningConfiguration: images pushed to a repository matching one of <see cref="RepositoryFilters"/>
/// (every repository when there are none) are signed for <see cref="SigningProfileArn"/>.
/// </summary>
internal sealed class SigningRule
{
    public required string SigningProfileArn { get; init; }

    /// <summary>WILDCARD_MATCH filters (<c>*</c> is the wildcard), as given; null when the rule has none.</summary>
    public List<string>? RepositoryFilters { get; init; }

    public bool Covers(string repositoryName) =>
        RepositoryFilters is null || RepositoryFilters.Any(filter => new TagMutabilityExclusionFilter("WILDCARD", filter).Matches(repositoryName));
}
