using EcrPublish.Aws.Model;
using EcrPublish.Lifecycle;

namespace EcrPublish.ManagedSigning;

/// <summary>
/// Which rules of a registry's signing configuration cover a repository: a rule without filters covers every
/// repository; a <c>WILDCARD_MATCH</c> filter matches the whole repository name, <c>*</c> standing for any run of characters.
/// </summary>
public static class SigningConfigurationCoverage
{
    /// <summary>The rules of <paramref name="configuration"/> that sign images pushed to <paramref name="repository"/>.</summary>
    public static IReadOnlyList<SigningRule> RulesCovering(SigningConfiguration? configuration, string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return [.. (configuration?.Rules ?? []).Where(rule => rule.RepositoryFilters is not { Count: > 0 } filters
            || filters.Any(filter => filter.Filter is { } pattern && TagPatternMatcher.Matches(pattern, repository)))];
    }
}
