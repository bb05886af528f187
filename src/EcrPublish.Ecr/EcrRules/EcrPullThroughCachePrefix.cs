using System.Text.RegularExpressions;

namespace EcrPublish.EcrRules;

/// <summary>
/// The <c>ecrRepositoryPrefix</c> of a pull-through cache rule: 2 to 30 characters of the model's <c>Prefix</c>
/// pattern (a repository-name prefix, optionally ending in '/'), or <c>ROOT</c>.
/// </summary>
/// <remarks>
/// Unlike <see cref="EcrRepositoryName"/> this keeps the model's pattern (with <c>__</c> and runs of <c>-</c>): no ECR
/// error text quotes a stricter one for prefixes.
/// </remarks>
public static partial class EcrPullThroughCachePrefix
{
    public const int MinLength = 2;
    public const int MaxLength = 30;

    /// <summary>The pattern exactly as the model (and ECR's error message) states it.</summary>
    public const string PatternText = @"^([a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*\/?|ROOT)$";

    public static bool HasValidLength(string? prefix) => prefix is { Length: >= MinLength and <= MaxLength };

    public static bool MatchesPattern(string? prefix) => prefix is not null && Pattern().IsMatch(prefix);

    public static bool IsValid(string? prefix) => HasValidLength(prefix) && MatchesPattern(prefix);

    // The model's pattern with '$' replaced by '\z', which does not match before a final newline.
    [GeneratedRegex(@"\A([a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*\/?|ROOT)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
