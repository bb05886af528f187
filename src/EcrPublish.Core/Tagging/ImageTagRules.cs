using System.Text.RegularExpressions;

namespace EcrPublish.Tagging;

/// <summary>ECR's image tag rules: 1 to 128 characters from <c>[a-zA-Z0-9_.-]</c>, not starting with '.' or '-'.</summary>
public static partial class ImageTagRules
{
    public const int MaxLength = 128;

    public static bool IsValid(string tag) => ValidTag().IsMatch(tag);

    public static bool IsAllowedCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-';

    [GeneratedRegex(@"^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidTag();
}
