using System.Text.RegularExpressions;

namespace EcrPublish.EcrRules;

/// <summary>
/// Amazon ECR private registry host names: <c>&lt;account&gt;.dkr.ecr[-fips].&lt;region&gt;.amazonaws.com[.cn]</c>, the
/// dual-stack <c>.on.aws</c> form and the isolated partitions. The account and region are read from the name.
/// </summary>
public static partial class EcrRegistryHostName
{
    /// <summary>The account id and region a private ECR registry host names, or null for any other host (a port is ignored).</summary>
    public static EcrRegistryHostParts? Parse(string? host)
    {
        if (host is null)
        {
            return null;
        }

        var match = PrivateRegistry().Match(StripPort(host));
        return match.Success
            ? new EcrRegistryHostParts(match.Groups["account"].Value, match.Groups["region"].Value.ToLowerInvariant(), match.Groups["fips"].Success)
            : null;
    }

    public static bool IsPrivateRegistry(string? host) => Parse(host) is not null;

    private static string StripPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && host[(colon + 1)..].All(char.IsAsciiDigit) ? host[..colon] : host;
    }

    [GeneratedRegex(@"\A(?<account>" + EcrRegistryId.PatternText + @")\.dkr\.ecr(?<fips>-fips)?\.(?<region>" + EcrRegion.CodePatternText + @")\.(amazonaws\.com(\.cn)?|on\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov)\z",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PrivateRegistry();
}
