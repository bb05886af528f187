using System.Text.RegularExpressions;

namespace EcrPublish.Cli.Arguments;

/// <summary>
/// botocore's <c>xform_name(name, '-')</c>: the rule the AWS CLI uses to turn model names
/// (<c>DescribeImages</c>, <c>repositoryName</c>) into command and option names
/// (<c>describe-images</c>, <c>--repository-name</c>).
/// </summary>
internal static partial class CliNames
{
    public static string FromModelName(string name)
    {
        if (name.Contains('-', StringComparison.Ordinal))
        {
            return name;
        }

        // Pluralised acronyms (ARNs, ACLs) become -arns, -acls.
        var special = PluralAcronym().Match(name);
        if (special.Success)
        {
            name = name[..^special.Length] + "-" + special.Value.ToLowerInvariant();
        }

        var firstPass = FirstCap().Replace(name, "$1-$2");
        return EndCap().Replace(firstPass, "$1-$2").ToLowerInvariant();
    }

    [GeneratedRegex("[A-Z]{2,}s$")]
    private static partial Regex PluralAcronym();

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex FirstCap();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex EndCap();
}
