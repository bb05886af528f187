using System.Text.RegularExpressions;

namespace EcrPublish.EcrRules;

/// <summary>
/// ECR's repository-name rule: 2 to 256 characters, components of lower-case letters and digits joined by a single
/// '.', '_' or '-', separated by '/'. The one verdict <c>dotnet publish</c>, <c>dotnet ecr</c> and LocalEcr share;
/// each caller words its own message.
/// </summary>
/// <remarks>
/// The newest botocore model allows <c>__</c> and runs of <c>-</c>, but the service's own error text
/// ("must satisfy regular expression '…'") and moto use this stricter pattern. Every name it accepts is accepted
/// by both, so a name we let through is never refused by ECR.
/// </remarks>
public static partial class EcrRepositoryName
{
    public const int MinLength = 2;
    public const int MaxLength = 256;

    /// <summary>The pattern exactly as ECR quotes it in its InvalidParameterException message.</summary>
    public const string PatternText = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";

    public static RepositoryNameVerdict Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length < MinLength)
        {
            return RepositoryNameVerdict.TooShort;
        }

        if (name.Length > MaxLength)
        {
            return RepositoryNameVerdict.TooLong;
        }

        return Pattern().IsMatch(name) ? RepositoryNameVerdict.Valid : RepositoryNameVerdict.BadCharacters;
    }

    public static bool IsValid(string? name) => name is not null && Check(name) == RepositoryNameVerdict.Valid;

    [GeneratedRegex(@"\A" + PatternText + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
