using System.Text.RegularExpressions;

namespace EcrPublish.EcrRules;

/// <summary>AWS region codes such as <c>us-east-1</c>, <c>us-gov-west-1</c> or <c>eusc-de-east-1</c>.</summary>
public static partial class EcrRegion
{
    /// <summary>A region code, unanchored, to embed in larger patterns (host names, paths).</summary>
    public const string CodePatternText = "[a-z]{2,4}(?:-[a-z]+)+-[0-9]{1,2}";

    /// <summary>The model's <c>Region</c> shape (replication destinations): looser than a region code.</summary>
    public const string ModelPatternText = "[0-9a-z-]{2,25}";

    // Shape only, not a list: new regions appear every year and must work without an EcrPublish update.
    public static bool IsValid(string? region) => region is not null && CodeShape().IsMatch(region);

    /// <summary>What ECR's model accepts as a region in a request (replication destinations).</summary>
    public static bool MatchesModel(string? region) => region is not null && ModelPattern().IsMatch(region);

    [GeneratedRegex(@"\A" + CodePatternText + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"\A" + ModelPatternText + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModelPattern();
}
