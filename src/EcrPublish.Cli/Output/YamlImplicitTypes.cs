using System.Text.RegularExpressions;

namespace EcrPublish.Cli.Output;

/// <summary>
/// The YAML 1.2 implicit types of ruamel.yaml's resolver (the AWS CLI v2's YAML library): a string that would
/// read back as a bool, number, null, timestamp or one of YAML's special keys must be quoted when written, and a
/// plain scalar read from <c>--cli-input-yaml</c> takes the type it resolves to.
/// </summary>
internal static partial class YamlImplicitTypes
{
    /// <summary>True when <paramref name="value"/>, written plain, would not read back as this string.</summary>
    public static bool ResolvesToNonString(string value) =>
        IsNull(value) || IsBool(value) || IsFloat(value) || IsInt(value) || IsTimestamp(value) || value is "<<" or "=" or "!" or "&" or "*";

    public static bool IsNull(string plain) => plain.Length == 0 || Null().IsMatch(plain);

    public static bool IsBool(string plain) => Bool().IsMatch(plain);

    // ruamel tries a resolver only on the first characters it lists: "_1" is no int.
    public static bool IsInt(string plain) => plain.Length > 0 && "-+0123456789".Contains(plain[0], StringComparison.Ordinal) && Int().IsMatch(plain);

    public static bool IsFloat(string plain) => plain.Length > 0 && "-+0123456789.".Contains(plain[0], StringComparison.Ordinal) && Float().IsMatch(plain);

    public static bool IsTimestamp(string plain) => Timestamp().IsMatch(plain);

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
