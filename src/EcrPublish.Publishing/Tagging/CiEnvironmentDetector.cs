namespace EcrPublish.Tagging;

/// <summary>
/// Recognises the CI service from environment variables. It takes the variables as a dictionary so
/// callers (and tests) decide where they come from; it never reads the process environment itself.
/// </summary>
public static class CiEnvironmentDetector
{
    public static CiEnvironment Detect(IReadOnlyDictionary<string, string?> environment)
    {
        var provider = CiProviders.All.FirstOrDefault(candidate => IsSet(environment, candidate.DetectionVariable));
        var commitVariables = provider?.CommitVariables.Concat(CiProviders.AllCommitVariables) ?? CiProviders.AllCommitVariables;
        var branch = provider is null ? null : First(environment, provider.BranchVariables);
        return new CiEnvironment(
            provider,
            provider is null ? null : First(environment, [provider.BuildNumberVariable]),
            First(environment, commitVariables),
            branch is null ? null : StripRefPrefix(branch));
    }

    /// <summary>Reads the variables EcrPublish cares about from the current process, for production callers.</summary>
    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment()
    {
        var names = CiProviders.All.SelectMany(provider => provider.CommitVariables
                .Concat(provider.BranchVariables)
                .Append(provider.DetectionVariable)
                .Append(provider.BuildNumberVariable))
            .Distinct(StringComparer.Ordinal);
        return names.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
    }

    private static string? First(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> names) =>
        names.Select(name => environment.GetValueOrDefault(name)).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();

    private static bool IsSet(IReadOnlyDictionary<string, string?> environment, string name) =>
        !string.IsNullOrWhiteSpace(environment.GetValueOrDefault(name)) &&
        !string.Equals(environment[name], "false", StringComparison.OrdinalIgnoreCase);

    // Azure Pipelines and CodeBuild report full refs, Jenkins reports remote-tracking names.
    private static string StripRefPrefix(string branch)
    {
        foreach (var prefix in (string[])["refs/heads/", "origin/"])
        {
            if (branch.StartsWith(prefix, StringComparison.Ordinal))
            {
                return branch[prefix.Length..];
            }
        }

        return branch;
    }
}
