using System.Text.RegularExpressions;

namespace EcrPublish.LocalEcr.Validation;

/// <summary>Image tags as the registry API accepts them (Docker's reference grammar, at most 128 characters).</summary>
internal static partial class TagRule
{
    public static bool IsValid(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
