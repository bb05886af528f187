using EcrPublish.EcrRules;


namespace EcrPublish.LocalEcr.Validation;

/// <summary>
/// ECR's repository-name constraint (<see cref="EcrRepositoryName"/>) worded as ECR words it. A valid name has no
/// <c>..</c>, no leading slash and no backslash, so it can never escape the data directory.
/// </summary>
internal static class RepositoryNameRule
{
    /// <summary>Null when the name is valid, otherwise the constraint it breaks, worded the way ECR words it.</summary>
    public static string? Violation(string? name)
    {
        if (name is null)
        {
            return "must not be null";
        }

        return EcrRepositoryName.Check(name) switch
        {
            RepositoryNameVerdict.Valid => null,
            RepositoryNameVerdict.TooShort => $"must have length greater than or equal to {EcrRepositoryName.MinLength}",
            RepositoryNameVerdict.TooLong => $"must have length less than or equal to {EcrRepositoryName.MaxLength}",
            _ => $"must satisfy regular expression '{EcrRepositoryName.PatternText}'",
        };
    }

    public static bool IsValid(string? name) => Violation(name) is null;
}
