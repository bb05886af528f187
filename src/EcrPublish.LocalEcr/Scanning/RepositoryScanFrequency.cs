using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.Scanning;

/// <summary>
/// How a repository is scanned under the registry's scanning configuration (BatchGetRepositoryScanningConfiguration):
/// BASIC — a matching SCAN_ON_PUSH rule or the repository's own (deprecated) <c>scanOnPush</c> means SCAN_ON_PUSH,
/// anything else MANUAL; ENHANCED — a matching CONTINUOUS_SCAN rule wins over a matching SCAN_ON_PUSH rule, and a
/// repository no rule matches has scanning disabled (reported as MANUAL).
/// </summary>
internal sealed record RepositoryScanFrequency(string Frequency, bool ScanOnPush, IReadOnlyList<string> AppliedFilters)
{
    public static RepositoryScanFrequency Of(RegistrySettings settings, RepositoryRecord repository)
    {
        if (settings.ScanType == "ENHANCED")
        {
            return Matching(settings, repository.Name, "CONTINUOUS_SCAN")
                ?? Matching(settings, repository.Name, "SCAN_ON_PUSH")
                ?? new RepositoryScanFrequency("MANUAL", false, []);
        }

        return Matching(settings, repository.Name, "SCAN_ON_PUSH")
            ?? new RepositoryScanFrequency(repository.ScanOnPush ? "SCAN_ON_PUSH" : "MANUAL", repository.ScanOnPush, []);
    }

    private static RepositoryScanFrequency? Matching(RegistrySettings settings, string repositoryName, string frequency)
    {
        var filters = settings.ScanningRules
            .Where(rule => rule.ScanFrequency == frequency)
            .SelectMany(rule => rule.Filters)
            .Where(filter => new RegistryScanningRule { ScanFrequency = frequency, Filters = [filter] }.Applies(repositoryName))
            .ToList();
        return filters.Count == 0 ? null : new RepositoryScanFrequency(frequency, true, filters);
    }
}
