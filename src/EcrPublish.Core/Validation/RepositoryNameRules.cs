using System.Text;
using System.Text.RegularExpressions;

namespace EcrPublish.Validation;

/// <summary>ECR's repository naming rules, and how EcrPublish derives a valid name from a project name.</summary>
public static partial class RepositoryNameRules
{
    public const int MinLength = 2;
    public const int MaxLength = 256;

    /// <summary>Returns null when <paramref name="name"/> is a valid ECR repository name, else why not.</summary>
    public static string? Explain(string name)
    {
        if (name.Length is < MinLength or > MaxLength)
        {
            return $"it must be {MinLength} to {MaxLength} characters long";
        }

        return ValidName().IsMatch(name)
            ? null
            : "it may contain only lower-case letters, digits and the separators '.', '_', '-' and '/' (not at the start or end, not twice in a row)";
    }

    /// <summary>
    /// Lower-cases <paramref name="projectName"/> and replaces every run of invalid characters with '-';
    /// returns null when nothing usable is left (for example a name made only of symbols).
    /// </summary>
    public static string? Derive(string projectName)
    {
        var builder = new StringBuilder(projectName.Length);
        foreach (var character in projectName.ToLowerInvariant())
        {
            var isAllowed = character is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            var isSeparator = character is '.' or '_' or '-';
            if (isAllowed)
            {
                builder.Append(character);
            }
            else if (builder.Length > 0 && builder[^1] is not ('.' or '_' or '-'))
            {
                builder.Append(isSeparator ? character : '-');
            }
        }

        var name = builder.ToString().TrimEnd('.', '_', '-');
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength].TrimEnd('.', '_', '-');
        }

        return Explain(name) is null ? name : null;
    }

    // The pattern from the ECR API reference for CreateRepository's repositoryName.
    [GeneratedRegex(@"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
