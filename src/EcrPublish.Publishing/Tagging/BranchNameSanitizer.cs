using System.Text;
using EcrPublish.EcrRules;

namespace EcrPublish.Tagging;

/// <summary>Turns a git branch name such as <c>feature/login#2</c> into tag text such as <c>feature-login-2</c>.</summary>
public static class BranchNameSanitizer
{
    public static string Sanitize(string branch)
    {
        var builder = new StringBuilder(branch.Length);
        foreach (var character in branch)
        {
            var replacement = EcrImageTag.IsAllowedCharacter(character) ? character : '-';
            // Collapse runs so "feature//x" does not become "feature--x".
            if (replacement == '-' && builder.Length > 0 && builder[^1] == '-')
            {
                continue;
            }

            builder.Append(replacement);
        }

        // A tag may not start with '.' or '-'; trailing dashes only come from replaced characters.
        var sanitized = builder.ToString().TrimStart('.', '-').TrimEnd('-');
        return sanitized.Length > EcrImageTag.MaxLength ? sanitized[..EcrImageTag.MaxLength] : sanitized;
    }
}
