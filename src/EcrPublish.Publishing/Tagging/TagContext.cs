namespace EcrPublish.Tagging;

/// <summary>The values that tag template tokens are replaced with.</summary>
/// <param name="Version">The project's <c>$(Version)</c>, for <c>{version}</c>.</param>
/// <param name="Git">The commit facts, for <c>{sha}</c> and <c>{branch}</c>.</param>
/// <param name="Timestamp">The time <c>{date}</c> formats: the commit time when known, so re-publishing a commit gives the same tags.</param>
/// <param name="BuildNumber">The CI build number, for <c>{build}</c>.</param>
/// <param name="Environment">The <c>EcrEnvironment</c> value, for <c>{env}</c>.</param>
public sealed record TagContext(string? Version, GitFacts Git, DateTimeOffset Timestamp, string? BuildNumber, string? Environment)
{
    /// <summary>Builds the context for a publish, preferring the commit time over <paramref name="now"/>.</summary>
    public static TagContext Create(string? version, GitFacts git, CiEnvironment ci, string? environment, DateTimeOffset now) =>
        new(version, git, git.CommitTime ?? now, ci.BuildNumber, environment);
}
