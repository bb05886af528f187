using System.Text.RegularExpressions;

namespace EcrPublish.EcrRules;

/// <summary>An <c>imageTagMutabilityExclusionFilters</c> entry: type <c>WILDCARD</c>, 1 to 5 per repository, value <c>^[0-9a-zA-Z._*-]{1,128}$</c>.</summary>
public static partial class EcrTagMutabilityExclusionFilter
{
    public const string Wildcard = "WILDCARD";
    public const int MinCount = 1;
    public const int MaxCount = 5;

    /// <summary>The pattern exactly as the model (and ECR's error message) states it.</summary>
    public const string PatternText = "^[0-9a-zA-Z._*-]{1,128}$";

    public static bool IsValid(string? filter) => filter is not null && Pattern().IsMatch(filter);

    [GeneratedRegex(@"\A[0-9a-zA-Z._*-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
