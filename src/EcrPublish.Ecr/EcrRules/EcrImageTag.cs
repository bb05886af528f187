using System.Text.RegularExpressions;

namespace EcrPublish.EcrRules;

/// <summary>
/// ECR's image-tag rule: Docker's tag grammar, 1 to 128 characters of <c>[A-Za-z0-9_.-]</c>, not starting with '.'
/// or '-'. ECR accepts only tags a Docker client can push; the model's 300 is for PutImage.
/// </summary>
public static partial class EcrImageTag
{
    public const int MaxLength = 128;

    /// <summary>PutImage's (and the imageIds') limit: the same characters, up to 300 of them.</summary>
    public const int PutImageMaxLength = 300;

    public static bool IsValid(string? tag) => tag is not null && Pattern().IsMatch(tag);

    public static bool IsValidPutImageTag(string? tag) => tag is not null && PutImagePattern().IsMatch(tag);

    public static bool IsAllowedCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-';

    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9_.-]{0,299}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PutImagePattern();
}
