using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Storage;

/// <summary>A registry scanning rule: a scan frequency for the repositories its WILDCARD filters match.</summary>
internal sealed class RegistryScanningRule
{
    public required string ScanFrequency { get; init; }

    public List<string> Filters { get; init; } = [];

    /// <summary>
    /// ECR's filter matching: a filter without <c>*</c> matches names that contain it; with <c>*</c>, the whole name
    /// must match with each <c>*</c> standing for any characters.
    /// </summary>
    public bool Applies(string repositoryName) => Filters.Any(filter => filter.Contains('*', StringComparison.Ordinal)
        ? Regex.IsMatch(repositoryName, "^" + Regex.Escape(filter).Replace("\\*", ".*", StringComparison.Ordinal) + @"\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        : repositoryName.Contains(filter, StringComparison.Ordinal));
}
