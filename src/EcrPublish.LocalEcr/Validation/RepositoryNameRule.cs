using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Validation;

/// <summary>
/// ECR's repository-name constraint (2-256 characters, the model's pattern). A valid name has no <c>..</c>, no leading
/// slash and no backslash, so it can never escape the data directory.
/// </summary>
internal static partial class RepositoryNameRule
{
    public const string PatternText = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";

    /// <summary>Null when the name is valid, otherwise the constraint it breaks, worded the way ECR words it.</summary>
    public static string? Violation(string? name)
    {
        if (name is null)
        {
            return "must not be null";
        }

        if (name.Length < 2)
        {
            return "must have length greater than or equal to 2";
        }

        if (name.Length > 256)
        {
            return "must have length less than or equal to 256";
        }

        return NamePattern().IsMatch(name) ? null : $"must satisfy regular expression '{PatternText}'";
    }

    public static bool IsValid(string? name) => Violation(name) is null;

    // The model's pattern: allows "__" and runs of "-" between components.
    [GeneratedRegex(@"^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
