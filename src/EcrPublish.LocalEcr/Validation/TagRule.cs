using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Validation;

/// <summary>Image tags as the registry API accepts them (Docker's reference grammar, at most 128 characters).</summary>
internal static partial class TagRule
{
    public static bool IsValid(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    /// <summary>PutImage takes tags up to 300 characters, but of the same characters: no space, no control character.</summary>
    public static bool IsValidPutImageTag(string tag) => PutImageTagPattern().IsMatch(tag);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,299}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PutImageTagPattern();
}
