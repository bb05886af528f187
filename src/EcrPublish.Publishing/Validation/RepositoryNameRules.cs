using System.Text;
using EcrPublish.EcrRules;

namespace EcrPublish.Validation;

/// <summary>How <c>dotnet publish</c> explains a bad repository name (the verdict is <see cref="EcrRepositoryName"/>'s), and derives a valid name from a project name.</summary>
public static class RepositoryNameRules
{
    public const int MinLength = EcrRepositoryName.MinLength;
    public const int MaxLength = EcrRepositoryName.MaxLength;

    /// <summary>Returns null when <paramref name="name"/> is a valid ECR repository name, else why not.</summary>
    public static string? Explain(string name)
    {
        return EcrRepositoryName.Check(name) switch
        {
            RepositoryNameVerdict.Valid => null,
            RepositoryNameVerdict.TooShort or RepositoryNameVerdict.TooLong => $"it must be {MinLength} to {MaxLength} characters long",
            _ => "it may contain only lower-case letters, digits and the separators '.', '_', '-' and '/' (not at the start or end, not twice in a row)",
        };
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
}
