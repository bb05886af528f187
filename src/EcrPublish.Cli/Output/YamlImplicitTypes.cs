using System.Text.RegularExpressions;

namespace EcrPublish.Cli.Output;

/// <summary>
/// The YAML 1.2 implicit types of ruamel.yaml's resolver (the AWS CLI v2's YAML library): a string that would
/// read back as a bool, number, null, timestamp or one of YAML's special keys must be quoted.
/// </summary>
internal static partial class YamlImplicitTypes
{
    /// <summary>True when <paramref name="value"/>, written plain, would not read back as this string.</summary>
    public static bool ResolvesToNonString(string value) =>
        value.Length == 0
        || Bool().IsMatch(value)
        // ruamel tries a resolver only on the first characters it lists: "_1" is no int.
        || ("-+0123456789.".Contains(value[0], StringComparison.Ordinal) && Float().IsMatch(value))
        || ("-+0123456789".Contains(value[0], StringComparison.Ordinal) && Int().IsMatch(value))
        || Null().IsMatch(value)
        || Timestamp().IsMatch(value)
        || value is "<<" or "=" or "!" or "&" or "*";

    [GeneratedRegex("^(?:true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex Bool();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex Float();

    [GeneratedRegex("^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")]
    private static partial Regex Int();

    [GeneratedRegex("^(?:~|null|Null|NULL)$")]
    private static partial Regex Null();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")]
    private static partial Regex Timestamp();
}
